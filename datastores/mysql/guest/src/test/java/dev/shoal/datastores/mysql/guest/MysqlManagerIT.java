package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    @BeforeEach
    void portIsFree() {
        assertThat(portFree(ADDRESS, MysqlConfigFile.PORT)).as("port 3306 free on " + ADDRESS).isTrue();
    }

    /** Whatever a test left running with the node directory on its command line goes, even after a failure. */
    @AfterEach
    void stopServer() throws Exception {
        if (manager != null) {
            manager.stop();
        }
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(nodeDir.toString())).orElse(false))
                .toList();
        leftovers.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : leftovers) {
            process.onExit().get();
        }
    }

    @Test
    void preparesARealServerThatServesRootOverTcpAndStops() throws Exception {
        manager = new MysqlManager(config());

        long started = System.nanoTime();
        manager.prepare(new Prepare("mysql", "10.11", 1024, 1, SecretBox.seal(secret, "first-Pa55'word")));
        System.out.printf("prepare (install + start + secure): %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(Files.getPosixFilePermissions(manager.socket())).as("MariaDB made it 0777")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
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
                "amqp://unused", Duration.ofSeconds(1), Map.of("mysql.mariadbd", server.toString())));

        manager.prepare(new Prepare("mysql", "11.4", 1024, 1, SecretBox.seal(secret, "bundled-pw")));

        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + BUNDLED_ADDRESS
                + ":3306/?connectTimeout=3000", "root", "bundled-pw");
             Statement sql = connection.createStatement();
             ResultSet version = sql.executeQuery("select version()")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getString(1)).startsWith(MavenCentralMariaDb.VERSION);
        }
    }

    @Test
    void aRestartedAgentAdoptsTheRunningServerOrStartsItAgain() throws Exception {
        GuestConfig config = config();
        manager = new MysqlManager(config);
        manager.prepare(new Prepare("mysql", "10.11", 512, 2, SecretBox.seal(secret, "pw")));
        long pid = manager.serverProcess().orElseThrow().pid();

        MysqlManager afterAgentRestart = new MysqlManager(config);
        assertThat(afterAgentRestart.status()).isEqualTo(ServiceStatus.NEW);
        afterAgentRestart.resume();
        assertThat(afterAgentRestart.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(afterAgentRestart.serverProcess().orElseThrow().pid()).isEqualTo(pid);
        assertThat(afterAgentRestart.volumeTotalBytes()).isEqualTo(2L * 1024 * 1024 * 1024);

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertThat(afterAgentRestart.status()).isEqualTo(ServiceStatus.CRASHED);

        manager = new MysqlManager(config);
        manager.resume();
        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(manager.serverProcess().orElseThrow().pid()).isNotEqualTo(pid);
        connect("pw").close();
    }

    @Test
    void aMasterStartedAgainUnaskedRefusesWritesEvenToRootUntilTheControlPlaneMakesItWritable() throws Exception {
        GuestConfig config = config();
        manager = new MysqlManager(config);
        manager.prepare(new Prepare("mysql", "10.11", 512, 1, SecretBox.seal(secret, "pw")));
        write("pw", "create database shop");
        write("pw", "create table shop.items (id int primary key)");
        write("pw", "insert into shop.items values (1)");
        assertThat(manager.awaitingConfirmation()).isFalse();

        long pid = manager.serverProcess().orElseThrow().pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        manager.resume();

        assertThat(manager.awaitingConfirmation()).isTrue();
        assertThatThrownBy(() -> write("pw", "insert into shop.items values (2)")).as("root, too")
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        manager.restart();
        assertThat(manager.awaitingConfirmation()).as("a restart asked for confirms nothing").isTrue();
        assertThatThrownBy(() -> write("pw", "insert into shop.items values (2)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");

        manager.makeReadOnly(false);
        assertThat(manager.awaitingConfirmation()).isFalse();
        write("pw", "insert into shop.items values (2)");
        manager.restart();
        write("pw", "insert into shop.items values (3)");
        assertThat(new MysqlManager(config).awaitingConfirmation()).isFalse();
    }

    @Test
    void aNewFlavorResizesTheBufferPoolLiveAndForEveryLaterStart() throws Exception {
        manager = new MysqlManager(config());
        manager.prepare(new Prepare("mysql", "10.11", 1024, 1, SecretBox.seal(secret, "pw")));
        assertThat(bufferPool()).isEqualTo(128L << 20);
        long pid = manager.serverProcess().orElseThrow().pid();

        assertThat(manager.resetConfiguration(2048)).isEqualTo(256L << 20);
        assertThat(bufferPool()).as("live").isEqualTo(256L << 20);
        assertThat(manager.serverProcess().orElseThrow().pid()).as("no restart").isEqualTo(pid);

        manager.restart();
        assertThat(bufferPool()).as("after a restart").isEqualTo(256L << 20);
    }

    @Test
    void aVolumeGrowsAndNeverShrinks() throws Exception {
        manager = new MysqlManager(config());
        manager.prepare(new Prepare("mysql", "10.11", 512, 2, SecretBox.seal(secret, "pw")));

        manager.resizeVolume(5);
        assertThat(manager.volumeTotalBytes()).isEqualTo(5L << 30);
        assertThatThrownBy(() -> manager.resizeVolume(3)).hasMessageContaining("cannot shrink");
        assertThat(new MysqlManager(config()).volumeTotalBytes()).as("kept for a restarted agent")
                .isEqualTo(5L << 30);
    }

    private long bufferPool() throws SQLException {
        try (Connection connection = connect("pw"); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select @@innodb_buffer_pool_size")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aFailedPrepareSaysWhy() {
        manager = new MysqlManager(new GuestConfig(UUID.randomUUID().toString(), secret, ADDRESS, nodeDir,
                "amqp://unused", Duration.ofSeconds(1),
                Map.of("mysql.mariadbd", nodeDir.resolve("no-such-mariadbd").toString())));
        assertThatThrownBy(() -> manager.prepare(new Prepare("mysql", "10.11", 512, 1, null)))
                .hasMessageContaining("mysql.mariadbd");
        assertThat(manager.status()).isEqualTo(ServiceStatus.FAILED);
        assertThat(manager.statusDescription()).contains("no-such-mariadbd");
    }

    private static boolean portFree(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    private Connection connect(String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + ADDRESS + ":3306/?connectTimeout=3000", "root",
                password);
    }

    private void write(String rootPassword, String statement) throws SQLException {
        try (Connection connection = connect(rootPassword); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private GuestConfig config() {
        return new GuestConfig(UUID.randomUUID().toString(), secret, ADDRESS, nodeDir, "amqp://unused",
                Duration.ofSeconds(1));
    }
}
