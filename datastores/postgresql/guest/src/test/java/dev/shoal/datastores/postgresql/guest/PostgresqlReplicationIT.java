package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.ReplicationSnapshot;
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

/** Streaming replication between real PostgreSQL 18 servers, Maven Central's. */
class PostgresqlReplicationIT implements ReplicatedContract {

    @RegisterExtension
    final PostgresqlTestNodes nodes = PostgresqlTestNodes.eachTest();
    private final Map<Replicated, String> addresses = new IdentityHashMap<>();
    private int made;

    @Override
    public Replicated newNode() throws Exception {
        String address = "127.0.88." + (10 + made++);
        PostgresqlManager manager = nodes.prepared(address, PostgresqlTestNodes.BUNDLED);
        addresses.put(manager, address);
        return manager;
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
