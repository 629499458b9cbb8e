package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.guest.spi.Replicated;
import dev.shoal.guest.spi.test.ReplicatedContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streaming replication between real PostgreSQL 18 servers, Maven Central's, and an old primary's rejoin on Debian's
 * PostgreSQL 15 too, which has {@code pg_rewind}.
 */
class PostgresqlReplicationIT implements ReplicatedContract {

    @RegisterExtension
    final PostgresqlTestNodes nodes = PostgresqlTestNodes.eachTest();
    private final Map<Replicated, String> addresses = new IdentityHashMap<>();
    private int made;

    @Override
    public Replicated newNode() throws Exception {
        return node(PostgresqlTestNodes.BUNDLED);
    }

    @Override
    public void write(Replicated master) throws SQLException {
        try (Connection connection = connect(addresses.get(master)); Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists items (id serial primary key)");
            sql.execute("insert into items default values");
        }
    }

    @Override
    public String replicationPassword(Replicated master, ReplicationSnapshot snapshot) {
        return SecretBox.open(nodes.secret(addresses.get(master)), snapshot.sealedReplicationPassword());
    }

    @Override
    public void crashAndStartAgain(Replicated node) throws Exception {
        PostgresqlManager manager = (PostgresqlManager) node;
        ProcessHandle server = manager.serverProcess().orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
        manager.resume();
    }

    @Test
    void aReplicaHoldsTheMastersRowsAndItsSnapshotIsTheAgentsAlone() throws Exception {
        Replicated master = newNode();
        Replicated replica = newNode();
        write(master);
        write(master);
        ReplicationSnapshot snapshot = master.createReplicationSnapshot("rows");
        Path copy = nodes.work().resolve(".snapshots").resolve("postgresql-rows");
        assertThat(Files.getOwner(copy).getName()).isEqualTo("root");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rwx------");

        replica.attachReplica(snapshot, replicationPassword(master, snapshot));
        write(master);

        assertThat(replica.waitForTxn(master.latestTxnId(), CATCH_UP)).isTrue();
        assertThat(count(addresses.get(replica))).isEqualTo(3);
        master.deleteReplicationSnapshot("rows");
        assertThat(copy).doesNotExist();
    }

    @Test
    void anOldPrimaryBackAfterAFailoverIsRebuiltFromTheNewPrimaryWithoutItsForkedTail() throws Exception {
        rejoinsWithoutItsForkedTail(PostgresqlTestNodes.BUNDLED);
    }

    @Test
    void whereTheVersionHasThemReplicasAreCopiedByPgBasebackupAndAnOldPrimaryIsRewound() throws Exception {
        rejoinsWithoutItsForkedTail(PostgresqlTestNodes.INSTALLED);

        Path oldPrimary = nodes.work().resolve("127.0.88.10");
        assertThat(oldPrimary.resolve("pg_basebackup.log")).as("the standby's copy").exists();
        assertThat(oldPrimary.resolve("pg_rewind.log")).as("its own rejoin").exists();
    }

    /**
     * The standby is promoted while the old primary still takes a write it never sends (asynchronous then, as a
     * primary whose standby went); the old primary crashes, comes back refusing writes, and follows the new primary.
     */
    private void rejoinsWithoutItsForkedTail(String version) throws Exception {
        PostgresqlManager oldPrimary = node(version);
        PostgresqlManager standby = node(version);
        write(oldPrimary);
        ReplicationSnapshot snapshot = oldPrimary.createReplicationSnapshot("failover");
        standby.attachReplica(snapshot, replicationPassword(oldPrimary, snapshot));
        write(oldPrimary);
        assertThat(standby.waitForTxn(oldPrimary.latestTxnId(), CATCH_UP)).isTrue();
        oldPrimary.deleteReplicationSnapshot("failover");

        ReplicationSnapshot source = standby.enableAsMaster();
        write(oldPrimary);
        crashAndStartAgain(oldPrimary);
        write(standby);
        assertThat(count(addresses.get(oldPrimary))).as("its forked tail").isEqualTo(3);

        oldPrimary.demoteReplicationMaster();
        oldPrimary.attachReplica(source, replicationPassword(standby, source));
        write(standby);

        assertThat(oldPrimary.waitForTxn(standby.latestTxnId(), CATCH_UP)).isTrue();
        assertThat(count(addresses.get(oldPrimary))).as("the new primary's rows, its own tail gone").isEqualTo(4);
        ReplicationStatus following = oldPrimary.replicationStatus();
        assertThat(following.ioRunning()).isTrue();
        assertThat(following.readOnly()).isTrue();
        assertThat(oldPrimary.awaitingConfirmation()).isFalse();
    }

    private PostgresqlManager node(String version) throws Exception {
        String address = "127.0.88." + (10 + made++);
        PostgresqlManager manager = nodes.prepared(address, version);
        addresses.put(manager, address);
        return manager;
    }

    private static long count(String address) throws SQLException {
        try (Connection connection = connect(address); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select count(*) from items")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect(String address) throws SQLException {
        return new PostgresqlAdmin(Path.of("unused"), address).connect("postgres", "root",
                PostgresqlTestNodes.ROOT_PASSWORD);
    }
}
