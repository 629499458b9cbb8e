package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.shoal.datastores.mysql.guest.MysqlTestNodes.ids;
import static dev.shoal.datastores.mysql.guest.MysqlTestNodes.sql;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A master and two replicas made from one snapshot, on the real MariaDB server of this machine. */
class MysqlReplicationIT {

    private static final String MASTER = "127.0.1.245";
    private static final String REPLICA_A = "127.0.1.246";
    private static final String REPLICA_B = "127.0.1.247";

    @RegisterExtension
    final MysqlTestNodes nodes = new MysqlTestNodes();

    @Test
    void replicasMadeFromOneSnapshotFollowTheMasterUntilDetached() throws Exception {
        MysqlManager master = nodes.node(MASTER);
        MysqlManager replicaA = nodes.node(REPLICA_A);
        MysqlManager replicaB = nodes.node(REPLICA_B);
        sql(MASTER, "create database shop", "create table shop.items (id int primary key)",
                "insert into shop.items values (1)", "create user app@'%' identified by 'app-pw'",
                "grant select on shop.* to app@'%'");

        ReplicationSnapshot snapshot = master.createReplicationSnapshot("snap-1");
        assertThat(snapshot.gtidPosition()).matches("[0-9]+-[0-9]+-[0-9]+(,.*)?");
        assertThat(master.createReplicationSnapshot("snap-1").gtidPosition())
                .as("taking the same snapshot again").isEqualTo(snapshot.gtidPosition());
        Path store = nodes.work().resolve(".snapshots");
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files).as("the dump and the accounts' password hashes").hasSize(2).allSatisfy(file ->
                    assertThat(Files.getPosixFilePermissions(file))
                            .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
        String replicationPassword = nodes.opened(master, snapshot);
        sql(MASTER, "insert into shop.items values (2)");

        replicaA.attachReplica(snapshot, replicationPassword);
        replicaB.attachReplica(snapshot, replicationPassword);
        replicaB.attachReplica(snapshot, replicationPassword);

        sql(MASTER, "insert into shop.items values (3)");
        for (String replica : List.of(REPLICA_A, REPLICA_B)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(replica), ids -> ids.equals(List.of(1, 2, 3)));
        }
        try (Connection app = DriverManager.getConnection("jdbc:mariadb://" + REPLICA_B + ":3306/shop", "app",
                "app-pw"); Statement sql = app.createStatement(); ResultSet rows = sql.executeQuery(
                        "select count(*) from items")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the master's users came with the snapshot").isEqualTo(3);
        }
        ReplicationStatus status = replicaA.replicationStatus();
        assertThat(status.replica()).isTrue();
        assertThat(status.ioRunning()).isTrue();
        assertThat(status.sqlRunning()).isTrue();
        assertThat(status.readOnly()).isTrue();
        assertThat(master.replicationStatus().replica()).isFalse();

        replicaA.detachReplica();
        assertThat(replicaA.replicationStatus()).extracting(ReplicationStatus::replica, ReplicationStatus::readOnly)
                .containsExactly(false, false);
        sql(REPLICA_A, "insert into shop.items values (100)");
        sql(MASTER, "insert into shop.items values (4)");
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(REPLICA_B), ids -> ids.contains(4));
        assertThat(ids(REPLICA_A)).containsExactly(1, 2, 3, 100);

        master.deleteReplicationSnapshot("snap-1");
        assertThat(nodes.work().resolve(".snapshots").resolve("mysql-snap-1.sql")).doesNotExist();
    }

    @Test
    void aRestartedReplicaStaysReadOnlyAndCatchesUp() throws Exception {
        MysqlManager master = nodes.node(MASTER);
        MysqlManager replica = nodes.node(REPLICA_A);
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("snap-2");
        replica.attachReplica(snapshot, nodes.opened(master, snapshot));

        replica.restart();
        sql(MASTER, "create database late", "create table late.t (v int)", "insert into late.t values (9)");

        assertThat(replica.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(replica.replicationStatus().readOnly()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(REPLICA_A, "select count(*) from late.t") == 1);
    }

    @Test
    void aPromotedReplicaBecomesTheMasterTheOthersFollow() throws Exception {
        MysqlManager master = nodes.node(MASTER);
        MysqlManager replicaA = nodes.node(REPLICA_A);
        MysqlManager replicaB = nodes.node(REPLICA_B);
        sql(MASTER, "create database shop", "create table shop.items (id int primary key)",
                "insert into shop.items values (1)");
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("snap-3");
        String password = nodes.opened(master, snapshot);
        replicaA.attachReplica(snapshot, password);
        replicaB.attachReplica(snapshot, password);

        ReplicationSnapshot source = replicaA.promoteToReplicaSource();
        String newPassword = nodes.opened(replicaA, source);
        replicaB.attachReplica(source, newPassword);
        master.attachReplica(source, newPassword);
        sql(REPLICA_A, "insert into shop.items values (2)");

        assertThat(replicaA.replicationStatus()).extracting(ReplicationStatus::replica, ReplicationStatus::readOnly)
                .containsExactly(false, false);
        for (String follower : List.of(REPLICA_B, MASTER)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(follower), ids -> ids.equals(List.of(1, 2)));
        }
        assertThat(master.replicationStatus().readOnly()).as("the former master follows, read-only").isTrue();
    }

    private static long count(String address, String query) {
        try (Connection connection = MysqlTestNodes.connect(address); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException notThereYet) {
            return -1;
        }
    }

}
