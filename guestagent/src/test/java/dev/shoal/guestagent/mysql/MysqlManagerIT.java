package dev.shoal.guestagent.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guestagent.GuestConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MySQL manager against the real MariaDB server of this machine. */
class MysqlManagerIT {

    private static final String ADDRESS = "127.0.1.250";
    private static final String BUNDLED_ADDRESS = "127.0.1.249";

    @TempDir
    Path nodeDir;

    private final NodeSecret secret = NodeSecret.generate();
    private MysqlManager manager;

    @AfterEach
    void stopServer() throws Exception {
        if (manager != null) {
            manager.stop();
        }
    }

    @Test
    void preparesARealServerThatServesRootOverTcpAndStops() throws Exception {
        assumeTrue(MariadbBinaries.onPath("mariadbd", System.getenv("PATH")).isPresent(), "mariadbd installed");
        manager = new MysqlManager(config());

        long started = System.nanoTime();
        manager.prepare(new Prepare("mysql", "10.11", 1024, 1, SecretBox.seal(secret, "first-Pa55'word")));
        System.out.printf("prepare (install + start + secure): %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
        try (Connection connection = connect("first-Pa55'word"); Statement sql = connection.createStatement()) {
            sql.execute("create database shop");
            sql.execute("create table shop.items (id int primary key)");
            sql.execute("insert into shop.items values (7)");
            try (ResultSet rows = sql.executeQuery("select id from shop.items")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        }

        manager.enableRoot("second-password");
        assertThatThrownBy(() -> connect("first-Pa55'word").close()).isInstanceOf(SQLException.class);
        connect("second-password").close();

        manager.prepare(new Prepare("mysql", "10.11", 1024, 1, SecretBox.seal(secret, "ignored")));
        connect("second-password").close();

        ProcessHandle server = manager.serverProcess().orElseThrow();
        manager.stop();
        assertThat(server.isAlive()).isFalse();
        assertThat(manager.status()).isEqualTo(ServiceStatus.SHUTDOWN);
    }

    @Test
    void runsTheMariaDbThatMavenCentralShipsOnAMachineWithoutOne(@TempDir Path distribution) throws Exception {
        Path server = MavenCentralMariaDb.unpack(distribution).resolve("bin/mariadbd");
        manager = new MysqlManager(new GuestConfig(UUID.randomUUID().toString(), secret, BUNDLED_ADDRESS, nodeDir,
                "amqp://unused", Duration.ofSeconds(1), Optional.of(server), Optional.empty()));

        manager.prepare(new Prepare("mysql", "11.4", 1024, 1, SecretBox.seal(secret, "bundled-pw")));

        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + BUNDLED_ADDRESS
                + ":3306/?connectTimeout=3000", "root", "bundled-pw");
             Statement sql = connection.createStatement();
             ResultSet version = sql.executeQuery("select version()")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith(MavenCentralMariaDb.VERSION);
        }
    }

    private Connection connect(String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + ADDRESS + ":3306/?connectTimeout=3000", "root",
                password);
    }

    private GuestConfig config() {
        return new GuestConfig(UUID.randomUUID().toString(), secret, ADDRESS, nodeDir, "amqp://unused",
                Duration.ofSeconds(1), Optional.empty(), Optional.empty());
    }
}
