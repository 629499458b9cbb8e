package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.contracts.guest.StoredBackup;
import dev.shoal.guest.spi.Backups;
import dev.shoal.guest.spi.test.BackupsContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Backups of a real PostgreSQL 15 server, Debian's, restored into a new node. */
class PostgresqlBackupIT implements BackupsContract {

    private static final String SOURCE = "127.0.88.5";
    private static final String RESTORED = "127.0.88.6";

    @RegisterExtension
    final PostgresqlTestNodes nodes = PostgresqlTestNodes.eachTest();
    private PostgresqlManager source;

    @Override
    public Backups backups() throws Exception {
        if (source == null) {
            source = node(SOURCE, null);
        }
        return source;
    }

    @Test
    void aNewNodeRestoredFromABackupHoldsItsRowsAndRolesAndNothingWrittenAfter() throws Exception {
        backups();
        sql(SOURCE, "create table items (id int primary key)", "insert into items values (1), (2)",
                "create role shop login password 'shop-pw'");
        long started = System.nanoTime();
        StoredBackup backup = source.createBackup("restored");
        System.out.printf("backup: %d ms, %d bytes%n", (System.nanoTime() - started) / 1_000_000, backup.size());
        sql(SOURCE, "insert into items values (3)");
        Path file = Path.of(backup.location());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");

        PostgresqlManager restored = node(RESTORED, new RestorePoint("restored", backup.location(),
                backup.checksum()));

        assertThat(restored.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(ids(RESTORED)).containsExactly(1, 2);
        new PostgresqlAdmin(Path.of("unused"), RESTORED).connect("postgres", "shop", "shop-pw").close();
        sql(RESTORED, "insert into items values (4)");
        assertThat(restored.preparePhases()).extracting(phase -> phase.name()).contains("restore")
                .doesNotContain("initdb");
        assertThat(nodes.work().resolve(SOURCE).resolve("pg_basebackup.log")).as("Debian's PostgreSQL's own copy")
                .exists();
    }

    @Test
    void aDamagedBackupIsNotLoaded() throws Exception {
        StoredBackup backup = backups().createBackup("damaged");
        Files.write(Path.of(backup.location()), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> node(RESTORED, new RestorePoint("damaged", backup.location(), backup.checksum())))
                .hasMessageContaining("is damaged");
    }

    private PostgresqlManager node(String address, RestorePoint restorePoint) throws Exception {
        // a node whose prepare failed is stopped by the nodes' close, which ends whatever runs in their directory
        PostgresqlManager prepared = nodes.prepared(address, PostgresqlTestNodes.INSTALLED, restorePoint);
        return prepared;
    }

    private static void sql(String address, String... statements) throws SQLException {
        try (Connection connection = connect(address); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static List<Integer> ids(String address) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = connect(address); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select id from items order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private static Connection connect(String address) throws SQLException {
        return new PostgresqlAdmin(Path.of("unused"), address).connect("postgres", "root",
                PostgresqlTestNodes.ROOT_PASSWORD);
    }
}
