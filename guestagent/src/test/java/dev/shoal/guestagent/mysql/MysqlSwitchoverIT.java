package dev.shoal.guestagent.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.guestagent.GuestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trove's switchover on the real MariaDB server: the master hands over to a replica and back again. */
class MysqlSwitchoverIT {

    private static final String MASTER = "127.0.50.245";
    private static final String REPLICA_A = "127.0.50.246";
    private static final String REPLICA_B = "127.0.50.247";
    private static final String PASSWORD = "root-pw";

    @TempDir
    Path work;

    private final List<MysqlManager> managers = new ArrayList<>();
    private final Map<MysqlManager, NodeSecret> secrets = new java.util.HashMap<>();

    @AfterEach
    void stopServers() throws Exception {
        for (MysqlManager manager : managers) {
            manager.stop();
        }
    }

    @Test
    void theMasterHandsOverInTrovesOrderAndTheSetFollowsEveryNewMaster() throws Exception {
        MysqlManager master = node(MASTER);
        MysqlManager replicaA = node(REPLICA_A);
        MysqlManager replicaB = node(REPLICA_B);
        sql(MASTER, "create database shop", "create table shop.items (id int primary key)",
                "insert into shop.items values (1)");
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("switch-1");
        replicaA.attachReplica(snapshot, opened(master, snapshot));
        replicaB.attachReplica(snapshot, opened(master, snapshot));
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
        MysqlManager master = node(MASTER);
        MysqlManager replica = node(REPLICA_A);
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("switch-2");
        replica.attachReplica(snapshot, opened(master, snapshot));
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
            other.attachReplica(source, opened(candidate, source));
        }
        oldMaster.demoteReplicationMaster();
        oldMaster.attachReplica(source, opened(candidate, source));
    }

    private String opened(MysqlManager sealedFor, ReplicationSnapshot snapshot) {
        return SecretBox.open(secrets.get(sealedFor), snapshot.sealedReplicationPassword());
    }

    private MysqlManager node(String address) throws Exception {
        NodeSecret secret = NodeSecret.generate();
        Path nodeDir = Files.createDirectories(work.resolve(address));
        MysqlManager manager = new MysqlManager(new GuestConfig(UUID.randomUUID().toString(), secret, address,
                nodeDir, "amqp://unused", Duration.ofSeconds(1), Optional.empty(), Optional.empty(),
                Map.of("snapshot.dir", work.resolve(".snapshots").toString())));
        managers.add(manager);
        secrets.put(manager, secret);
        manager.prepare(new Prepare("mysql", "10.11", 512, 1, SecretBox.seal(secret, PASSWORD)));
        return manager;
    }

    private static void sql(String address, String... statements) throws SQLException {
        try (Connection connection = connect(address); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static List<Integer> ids(String address) {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = connect(address); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select id from shop.items order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        } catch (SQLException notThereYet) {
            return List.of();
        }
        return ids;
    }

    private static Connection connect(String address) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + address + ":3306/?connectTimeout=3000", "root",
                PASSWORD);
    }
}
