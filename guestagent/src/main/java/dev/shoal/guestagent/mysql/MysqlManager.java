package dev.shoal.guestagent.mysql;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guestagent.DatastoreManager;
import dev.shoal.guestagent.GuestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drives a real MariaDB server for one node: install, start, secure, report, stop. */
public final class MysqlManager implements DatastoreManager {

    private static final Logger log = LoggerFactory.getLogger(MysqlManager.class);
    private static final long GIB = 1024L * 1024 * 1024;

    private final GuestConfig config;
    private final MysqldProcess process;
    private volatile ServiceStatus status = ServiceStatus.NEW;
    private volatile String description;
    private volatile Long volumeTotalBytes;

    public MysqlManager(GuestConfig config) {
        this.config = config;
        this.process = new MysqldProcess(config.nodeDir());
    }

    @Override
    public synchronized void prepare(Prepare request) throws Exception {
        volumeTotalBytes = request.volumeSizeGb() * GIB;
        if (isPrepared() && status == ServiceStatus.RUNNING) {
            return;
        }
        status = ServiceStatus.BUILD;
        description = "preparing MariaDB";
        try {
            MariadbBinaries binaries = binaries();
            Files.writeString(marker("memory"), Integer.toString(request.memoryMb()));
            if (!Files.isDirectory(dataDir().resolve("mysql"))) {
                installDatabase(binaries);
            }
            writeConfig(binaries, request.memoryMb());
            process.start(binaries.mariadbd(), configFile());
            process.awaitAccepting(config.address(), MysqlConfigFile.PORT);
            secure(request.sealedRootPassword() == null ? null
                    : dev.shoal.contracts.SecretBox.open(config.secret(), request.sealedRootPassword()));
            Files.writeString(marker("prepared"), "ok");
            status = ServiceStatus.RUNNING;
            description = null;
        } catch (Exception e) {
            status = ServiceStatus.FAILED;
            description = "prepare failed: " + e.getMessage();
            throw e;
        }
    }

    @Override
    public synchronized void resume() throws Exception {
        if (!isPrepared()) {
            return;
        }
        if (!process.isAlive()) {
            MariadbBinaries binaries = binaries();
            process.start(binaries.mariadbd(), configFile());
            process.awaitAccepting(config.address(), MysqlConfigFile.PORT);
        }
        status = ServiceStatus.RUNNING;
    }

    @Override
    public ServiceStatus status() {
        if (status != ServiceStatus.RUNNING) {
            return status;
        }
        if (!process.isAlive()) {
            description = "mariadbd exited unexpectedly; see " + config.nodeDir().resolve("mysqld.err");
            return ServiceStatus.CRASHED;
        }
        try (Connection connection = admin(); Statement sql = connection.createStatement()) {
            sql.setQueryTimeout(2);
            sql.execute("select 1");
            return ServiceStatus.RUNNING;
        } catch (SQLException | IOException e) {
            description = "mariadbd does not answer: " + e.getMessage();
            return ServiceStatus.BLOCKED;
        }
    }

    @Override
    public String statusDescription() {
        return description;
    }

    @Override
    public void enableRoot(String password) throws SQLException, IOException {
        try (Connection connection = admin(); Statement sql = connection.createStatement()) {
            String quoted = quote(password);
            sql.execute("create user if not exists 'root'@'%' identified by " + quoted);
            sql.execute("alter user 'root'@'%' identified by " + quoted);
            sql.execute("grant all privileges on *.* to 'root'@'%' with grant option");
        }
        log.info("root enabled for node {}", config.nodeId());
    }

    @Override
    public synchronized void stop() throws Exception {
        process.stop();
        status = ServiceStatus.SHUTDOWN;
        description = "stopped on request";
    }

    @Override
    public synchronized void restart() throws Exception {
        process.stop();
        status = ServiceStatus.BUILD;
        resume();
    }

    @Override
    public Long volumeTotalBytes() {
        return volumeTotalBytes;
    }

    private void installDatabase(MariadbBinaries binaries) throws IOException, InterruptedException {
        Files.createDirectories(dataDir());
        var command = new java.util.ArrayList<>(java.util.List.of(binaries.installDb().toString(), "--no-defaults",
                "--user=" + System.getProperty("user.name"), "--datadir=" + dataDir(),
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        binaries.basedir().ifPresent(dir -> command.add("--basedir=" + dir));
        MysqldProcess.run(command, config.nodeDir().resolve("install-db.log"));
    }

    private void writeConfig(MariadbBinaries binaries, int memoryMb) throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(configFile(), MysqlConfigFile.render(config.nodeDir(), config.nodeId(), config.address(),
                memoryMb, binaries.basedir(), root));
    }

    /** First connection after install: root has no password yet and is reachable only over the socket. */
    private void secure(String rootPassword) throws SQLException, IOException {
        Path adminFile = config.nodeDir().resolve("os_admin.cnf");
        if (Files.exists(adminFile)) {
            return;
        }
        String adminPassword = randomPassword();
        try (Connection connection = DriverManager.getConnection(socketUrl(), "root", "");
             Statement sql = connection.createStatement()) {
            dropDefaultAccounts(connection);
            sql.execute("create user if not exists 'os_admin'@'localhost' identified by " + quote(adminPassword));
            sql.execute("grant all privileges on *.* to 'os_admin'@'localhost' with grant option");
            String root = quote(rootPassword == null ? randomPassword() : rootPassword);
            sql.execute("create user if not exists 'root'@'%' identified by " + root);
            sql.execute("grant all privileges on *.* to 'root'@'%' with grant option");
            sql.execute("alter user 'root'@'localhost' identified by " + root);
        }
        Files.writeString(adminFile, adminPassword);
        Files.setPosixFilePermissions(adminFile, PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * install-db leaves anonymous accounts and root accounts for this host's names; a more specific host
     * wins in MySQL's matching, so they would shadow root@'%' for clients on the node's address.
     */
    private static void dropDefaultAccounts(Connection connection) throws SQLException {
        java.util.List<String> accounts = new java.util.ArrayList<>();
        try (Statement sql = connection.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("select user, host from mysql.user where user = ''"
                     + " or (user = 'root' and host not in ('localhost', '%'))")) {
            while (rows.next()) {
                accounts.add(quote(rows.getString(1)) + "@" + quote(rows.getString(2)));
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (String account : accounts) {
                sql.execute("drop user if exists " + account);
            }
        }
    }

    private Connection admin() throws SQLException, IOException {
        String password = Files.readString(config.nodeDir().resolve("os_admin.cnf"));
        return DriverManager.getConnection(socketUrl(), "os_admin", password);
    }

    private String socketUrl() {
        return "jdbc:mariadb://localhost/?localSocket="
                + MysqlConfigFile.socketPath(config.nodeDir(), config.nodeId()) + "&connectTimeout=2000";
    }

    private MariadbBinaries binaries() {
        MariadbBinaries binaries = MariadbBinaries.locate(config.mariadbd(), config.mysqlBasedir(),
                System.getenv("PATH"));
        log.info("MySQL server: {} ({})", binaries.mariadbd(), binaries.origin());
        return binaries;
    }

    private boolean isPrepared() {
        return Files.exists(marker("prepared"));
    }

    private Path marker(String name) {
        return config.nodeDir().resolve(name);
    }

    private Path dataDir() {
        return config.nodeDir().resolve("data");
    }

    private Path configFile() {
        return config.nodeDir().resolve("my.cnf");
    }

    /** SQL string literal; passwords are random or user-chosen, so escape rather than trust. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Optional<ProcessHandle> serverProcess() {
        return process.handle();
    }
}
