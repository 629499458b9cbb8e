package dev.shoal.datastores.mysql.guest;

import static dev.shoal.datastores.mysql.guest.MysqlTestNodes.ids;
import static dev.shoal.datastores.mysql.guest.MysqlTestNodes.sql;
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
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backups on the real MariaDB server of this machine: a node writes one into the backup store, a second node is
 * prepared from it and serves the same rows to the same account; a damaged file is not loaded, a dump that fails
 * leaves nothing behind, and a deleted backup is gone; then the backups contract every datastore with backups passes.
 */
class MysqlBackupIT implements BackupsContract {

    private static final String SOURCE = "127.0.43.250";
    private static final String RESTORED = "127.0.43.251";
    private static final String DAMAGED = "127.0.43.252";
    private static final String CONTRACT = "127.0.43.253";

    @RegisterExtension
    final MysqlTestNodes nodes = new MysqlTestNodes();
    private MysqlManager contractNode;

    @Override
    public Backups backups() throws Exception {
        if (contractNode == null) {
            contractNode = nodes.node(CONTRACT);
        }
        return contractNode;
    }

    @Test
    void aBackupRestoredOnAnotherNodeServesTheSameRowsToTheSameAccount() throws Exception {
        MysqlManager source = nodes.node(SOURCE);
        sql(SOURCE, "create database shop", "create table shop.items (id int primary key)",
                "insert into shop.items values (1), (2)", "create user app@'%' identified by 'app-pw'",
                "grant all privileges on shop.* to app@'%'");

        StoredBackup backup = source.createBackup("b-1");
        Path file = Path.of(backup.location());
        assertThat(file).exists().hasParent(nodes.work().resolve(".backups"));
        assertThat(backup.size()).isEqualTo(Files.size(file));
        assertThat(backup.checksum()).isEqualTo(MysqlBackups.checksumOf(file)).hasSize(64);
        assertThat(Files.getPosixFilePermissions(file)).as("the backup holds password hashes")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).as("the backup store")
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(source.createBackup("b-1")).as("asked again, the same backup").isEqualTo(backup);
        sql(SOURCE, "insert into shop.items values (3)");

        MysqlManager restored = nodes.node(RESTORED, new RestorePoint("b-1", backup.location(), backup.checksum()));
        assertThat(restored.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(ids(RESTORED)).as("the rows of the moment the backup was taken").containsExactly(1, 2);
        try (Connection app = DriverManager.getConnection("jdbc:mariadb://" + RESTORED + ":3306/shop", "app",
                "app-pw"); Statement sql = app.createStatement()) {
            sql.execute("insert into items values (10)");
            try (ResultSet rows = sql.executeQuery("select count(*) from items")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the account came with the backup and writes").isEqualTo(3);
            }
        }

        source.deleteBackup("b-1");
        source.deleteBackup("b-1");
        assertThat(file).doesNotExist();
    }

    @Test
    void aDamagedBackupIsNotLoadedAndAFailedDumpLeavesNothingBehind() throws Exception {
        MysqlManager source = nodes.node(SOURCE);
        sql(SOURCE, "create database shop", "create table shop.items (id int primary key)",
                "insert into shop.items values (1)");
        StoredBackup backup = source.createBackup("b-2");

        assertThatThrownBy(() -> nodes.node(DAMAGED, new RestorePoint("b-2", backup.location(), "0".repeat(64))))
                .hasMessageContaining("damaged");
        assertThat(ids(DAMAGED)).isEmpty();

        // a view over a table that is gone: mariadb-dump stops on it
        sql(SOURCE, "create table shop.gone (id int)", "create view shop.broken as select id from shop.gone",
                "drop table shop.gone");
        assertThatThrownBy(() -> source.createBackup("b-3")).hasMessageContaining("mariadb-dump failed")
                .hasMessageContaining("broken");
        try (Stream<Path> store = Files.list(nodes.work().resolve(".backups"))) {
            assertThat(store.map(path -> path.getFileName().toString()))
                    .containsExactly("mysql-b-2.sql.gz");
        }
        assertThat(source.status()).as("the server serves on").isEqualTo(ServiceStatus.RUNNING);
    }
}
