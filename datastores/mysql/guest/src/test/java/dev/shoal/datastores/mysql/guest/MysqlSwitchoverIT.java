package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.shoal.datastores.mysql.guest.MysqlTestNodes.ids;
import static dev.shoal.datastores.mysql.guest.MysqlTestNodes.sql;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.guest.spi.Replicated;
import dev.shoal.guest.spi.test.ReplicatedContract;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trove's switchover on the real MariaDB server: the master hands over to a replica and back again; then the
 * replication contract every replicated datastore passes.
 */
class MysqlSwitchoverIT implements ReplicatedContract {

    private static final String MASTER = "127.0.50.245";
    private static final String REPLICA_A = "127.0.50.246";
    private static final String REPLICA_B = "127.0.50.247";

    @RegisterExtension
    final MysqlTestNodes nodes = new MysqlTestNodes();
    private final Map<Replicated, String> addresses = new LinkedHashMap<>();

    @Override
    public Replicated newNode() throws Exception {
        String address = List.of(MASTER, REPLICA_A, REPLICA_B).get(addresses.size());
        addresses.put(nodes.node(address), address);
        return addresses.keySet().stream().reduce((first, second) -> second).orElseThrow();
    }

    @Override
    public void write(Replicated master) throws Exception {
        sql(addresses.get(master), "create database if not exists contract",
                "create table if not exists contract.writes (id int auto_increment primary key)",
                "insert into contract.writes values ()");
    }

    @Override
    public String replicationPassword(Replicated master, ReplicationSnapshot snapshot) {
        return nodes.opened((MysqlManager) master, snapshot);
    }

    @Override
    public void crashAndStartAgain(Replicated node) throws Exception {
        MysqlManager manager = (MysqlManager) node;
        ProcessHandle server = manager.serverProcess().orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
        manager.resume();
    }

    @Test
    void theMasterHandsOverInTrovesOrderAndTheSetFollowsEveryNewMaster() throws Exception {
        MysqlManager master = nodes.node(MASTER);
        MysqlManager replicaA = nodes.node(REPLICA_A);
        MysqlManager replicaB = nodes.node(REPLICA_B);
        sql(MASTER, "create database shop", "create table shop.items (id int primary key)",
                "insert into shop.items values (1)");
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("switch-1");
        replicaA.attachReplica(snapshot, nodes.opened(master, snapshot));
        replicaB.attachReplica(snapshot, nodes.opened(master, snapshot));
        sql(MASTER, "insert into shop.items values (2)");

        switchOver(master, replicaA, List.of(replicaB));
        sql(REPLICA_A, "insert into shop.items values (3)");
        for (String follower : List.of(MASTER, REPLICA_B)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(follower), ids -> ids.equals(List.of(1, 2, 3)));
        }
        assertThat(master.replicationStatus().readOnly()).as("the former master is read-only").isTrue();
        assertThat(replicaA.replicationStatus().readOnly()).as("the new master takes writes").isFalse();

        // the replication account now carries A's password everywhere: handing back must still work
        switchOver(replicaA, master, List.of(replicaB));
        sql(MASTER, "insert into shop.items values (4)");
        for (String follower : List.of(REPLICA_A, REPLICA_B)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(follower),
                    ids -> ids.equals(List.of(1, 2, 3, 4)));
        }
        assertThat(replicaA.replicationStatus().lastError()).isNull();
    }

    @Test
    void waitingForATransactionNotYetReplicatedTimesOut() throws Exception {
        MysqlManager master = nodes.node(MASTER);
        MysqlManager replica = nodes.node(REPLICA_A);
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("switch-2");
        replica.attachReplica(snapshot, nodes.opened(master, snapshot));
        sql(MASTER, "create database late");

        String latest = master.latestTxnId();
        assertThat(latest).matches("0-[0-9]+-[0-9]+");
        assertThat(replica.waitForTxn(latest, Duration.ofSeconds(10))).isTrue();
        String ahead = latest.replaceAll("-([0-9]+)$", "-") + (Long.parseLong(latest.replaceAll(".*-", "")) + 5);
        assertThat(replica.waitForTxn(ahead, Duration.ofSeconds(1))).isFalse();
    }

    private void switchOver(MysqlManager oldMaster, MysqlManager candidate, List<MysqlManager> others)
            throws Exception {
        oldMaster.makeReadOnly(true);
        String latest = oldMaster.latestTxnId();
        assertThat(candidate.waitForTxn(latest, Duration.ofSeconds(10))).isTrue();
        ReplicationSnapshot source = candidate.enableAsMaster();
        for (MysqlManager other : others) {
            other.attachReplica(source, nodes.opened(candidate, source));
        }
        oldMaster.demoteReplicationMaster();
        oldMaster.attachReplica(source, nodes.opened(candidate, source));
    }

}
