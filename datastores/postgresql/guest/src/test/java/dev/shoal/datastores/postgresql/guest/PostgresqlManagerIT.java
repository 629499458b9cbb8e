package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.GuestConfig;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL manager against real servers: Maven Central's PostgreSQL 18 and Debian's 15. */
class PostgresqlManagerIT {

    private static final String ADDRESS = "127.0.88.2";

    private PostgresqlTestNodes nodes;
    private PostgresqlManager manager;

    @BeforeEach
    void work() throws Exception {
        nodes = new PostgresqlTestNodes();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (manager != null) {
                manager.stop();
            }
        } finally {
            nodes.close();
        }
    }

    @Test
    void runsMavenCentralsPostgresqlAsAUserOfItsOwnWithTheRootPasswordOfThePrepare() throws Exception {
        long started = System.nanoTime();
        manager = nodes.prepared(ADDRESS, PostgresqlTestNodes.BUNDLED);
        System.out.printf("prepare (unpack + initdb + start): %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(query(PostgresqlTestNodes.ROOT_PASSWORD, "select version()")).startsWith("PostgreSQL 18");
        assertThat(manager.serverProcess().orElseThrow().info().user()).contains(PostgresqlOsUser.DEFAULT);
        Path data = nodes.work().resolve(ADDRESS).resolve("data");
        assertThat(Files.getOwner(data, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo(PostgresqlOsUser.DEFAULT);
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(nodes.work().resolve(ADDRESS).resolve("os_admin.password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        manager.enableRoot("second-password");
        assertThatThrownBy(() -> query(PostgresqlTestNodes.ROOT_PASSWORD, "select 1"))
                .isInstanceOf(SQLException.class);
        assertThat(query("second-password", "select current_user")).isEqualTo("root");
    }

    @Test
    void aCrashedServerIsStartedAgainWithItsDataByTheNextAgent() throws Exception {
        manager = nodes.prepared(ADDRESS, PostgresqlTestNodes.INSTALLED);
        query(PostgresqlTestNodes.ROOT_PASSWORD, "create table items (id int primary key)");
        query(PostgresqlTestNodes.ROOT_PASSWORD, "insert into items values (7)");
        ProcessHandle server = manager.serverProcess().orElseThrow();

        server.destroyForcibly();
        server.onExit().join();
        assertThat(manager.status()).isEqualTo(ServiceStatus.CRASHED);

        manager = new PostgresqlManager(nodes.config(ADDRESS));
        manager.resume();
        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(manager.serverProcess().orElseThrow().pid()).isNotEqualTo(server.pid());
        assertThat(query(PostgresqlTestNodes.ROOT_PASSWORD, "select id from items")).isEqualTo("7");
        assertThat(query(PostgresqlTestNodes.ROOT_PASSWORD, "select version()")).startsWith("PostgreSQL 15");
    }

    @Test
    void aSettingReadOnlyAtStartWaitsForARestart() throws Exception {
        manager = nodes.prepared(ADDRESS, PostgresqlTestNodes.INSTALLED);
        ConfigurationOverrides fewer = new ConfigurationOverrides(Map.of("max_connections", "50"),
                List.of("max_connections"));

        AppliedConfiguration applied = manager.applyOverrides(fewer);
        assertThat(applied.restartRequired()).containsExactly("max_connections");
        assertThat(applied.running()).containsEntry("max_connections", "100");

        manager.restart();
        applied = manager.applyOverrides(fewer);
        assertThat(applied.restartRequired()).isEmpty();
        assertThat(applied.running()).containsEntry("max_connections", "50");
    }

    @Test
    void refusesValuesAndNamesPostgresqlWouldNot() throws Exception {
        manager = nodes.prepared(ADDRESS, PostgresqlTestNodes.INSTALLED);

        assertThatThrownBy(() -> manager.applyOverrides(new ConfigurationOverrides(Map.of("no_such_setting", "1"),
                List.of("no_such_setting")))).hasMessageContaining("no parameter no_such_setting");
        assertThatThrownBy(() -> manager.applyOverrides(new ConfigurationOverrides(
                Map.of("log_min_duration_statement", "soon"), List.of("log_min_duration_statement"))))
                .hasMessageContaining("log_min_duration_statement");
        assertThatThrownBy(() -> manager.createUser("pg_mine", "%", "long-enough", List.of()))
                .hasMessageContaining("beginning pg_");
        assertThatThrownBy(() -> manager.createDatabase(new dev.shoal.contracts.guest.DatabaseSchema("template1",
                null, null))).hasMessageContaining("PostgreSQL's own");
        assertThatThrownBy(() -> manager.createUser("app", "10.0.0.1", "long-enough", List.of()))
                .hasMessageContaining("any host");
        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    void aVersionWithoutBinariesFailsThePrepareSayingSo() throws Exception {
        manager = new PostgresqlManager(nodes.config(ADDRESS));

        assertThatThrownBy(() -> manager.prepare(nodes.prepare(ADDRESS, "9")))
                .hasMessageContaining("PostgreSQL 9 is not installed here");
        assertThat(manager.status()).isEqualTo(ServiceStatus.FAILED);
        assertThatThrownBy(() -> manager.prepare(new Prepare("postgresql", "latest", 512, 1, null)))
                .hasMessageContaining("not 'latest'");
    }

    @Test
    void aNodeDirectoryTheServersUserCannotReachFailsThePrepareSayingWhere() throws Exception {
        Path closed = Files.createDirectory(nodes.work().resolve("closed"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        var config = nodes.config(ADDRESS);
        manager = new PostgresqlManager(new GuestConfig(config.nodeId(), config.secret(), ADDRESS,
                Files.createDirectory(closed.resolve("node")), "amqp://unused", config.heartbeatInterval(),
                config.settings()));

        assertThatThrownBy(() -> manager.prepare(nodes.prepare(ADDRESS, PostgresqlTestNodes.INSTALLED)))
                .hasMessageContaining("cannot pass through " + closed);
        assertThat(manager.status()).isEqualTo(ServiceStatus.FAILED);
    }

    private static String query(String rootPassword, String statement) throws SQLException {
        try (Connection connection = new PostgresqlAdmin(Path.of("unused"), ADDRESS)
                .connect("postgres", "root", rootPassword);
             Statement sql = connection.createStatement()) {
            if (!sql.execute(statement)) {
                return null;
            }
            try (ResultSet row = sql.getResultSet()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
