package dev.shoal.datastores.mysql.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The server's accounts, reached only over the node's unix socket: the agent's own {@code os_admin}, whose
 * password lives in {@code os_admin.cnf} (mode 600, a client option file), and the user's root. Passwords are
 * escaped into SQL literals and never logged.
 */
final class MysqlAccounts {

    static final String ADMIN = "os_admin";
    static final String ADMIN_FILE = "os_admin.cnf";
    private static final int PING_TIMEOUT_SECONDS = 2;

    private final Path adminFile;
    private final Path socket;

    MysqlAccounts(Path nodeDir, Path socket) {
        this.adminFile = nodeDir.resolve(ADMIN_FILE);
        this.socket = socket;
    }

    boolean secured() {
        return Files.exists(adminFile);
    }

    /** First connection after install: root has no password yet and is reachable only over the socket. */
    void secure(String rootPassword) throws SQLException, IOException {
        String adminPassword = randomPassword();
        String root = quote(rootPassword == null ? randomPassword() : rootPassword);
        try (Connection connection = DriverManager.getConnection(socketUrl(), "root", "");
             Statement sql = connection.createStatement()) {
            dropDefaultAccounts(connection);
            sql.execute("create or replace user '" + ADMIN + "'@'localhost' identified by " + quote(adminPassword));
            sql.execute("grant all privileges on *.* to '" + ADMIN + "'@'localhost' with grant option");
            sql.execute("create user if not exists 'root'@'%' identified by " + root);
            grantRoot(sql);
            // last: once root@localhost has a password this method cannot run again
            sql.execute("alter user 'root'@'localhost' identified by " + root);
        }
        writeAdminFile(adminPassword);
    }

    /**
     * Kept out of the binary log: root is set on every node of a cluster by its own guest, and a replica's own
     * write in the master's GTID domain would break strict GTID replication.
     */
    void enableRoot(String password) throws SQLException, IOException {
        String quoted = quote(password);
        try (Connection connection = admin(); Statement sql = connection.createStatement()) {
            sql.execute("set session sql_log_bin = 0");
            sql.execute("create user if not exists 'root'@'%' identified by " + quoted);
            sql.execute("alter user 'root'@'%' identified by " + quoted);
            grantRoot(sql);
        }
    }

    /**
     * Everything but writing through {@code read_only}: a master held read-only must refuse the tenant's root too, and
     * in MariaDB 10.11 {@code SUPER} carries {@code READ_ONLY ADMIN}, which would let it write.
     */
    private static void grantRoot(Statement sql) throws SQLException {
        sql.execute("grant all privileges on *.* to 'root'@'%' with grant option");
        sql.execute("revoke super, read_only admin on *.* from 'root'@'%'");
    }

    /**
     * Logs in as a client would, over TCP on the node's address: root enable answers only once this works, so a
     * client handed the password can connect in the same instant.
     */
    void confirmLogin(String user, String password, String address) throws SQLException {
        String url = "jdbc:mariadb://" + address + ":" + MysqlConfigFile.PORT + "/?connectTimeout="
                + PING_TIMEOUT_SECONDS * 1000;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute("select 1");
        }
    }

    /** Succeeds when the server answers a query within the status deadline. */
    void ping() throws SQLException, IOException {
        try (Connection connection = admin(); Statement sql = connection.createStatement()) {
            sql.setQueryTimeout(PING_TIMEOUT_SECONDS);
            sql.execute("select 1");
        }
    }

    /** Sets the InnoDB buffer pool live and answers the size the server settled on (it rounds to its chunks). */
    long resizeBufferPool(long bytes) throws SQLException, IOException {
        try (Connection connection = admin(); Statement sql = connection.createStatement()) {
            sql.execute("set global innodb_buffer_pool_size = " + bytes);
            try (ResultSet row = sql.executeQuery("select @@innodb_buffer_pool_size")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    Connection admin() throws SQLException, IOException {
        return DriverManager.getConnection(socketUrl(), ADMIN, adminPassword());
    }

    private String socketUrl() {
        return "jdbc:mariadb://localhost/?localSocket=" + socket + "&connectTimeout=" + PING_TIMEOUT_SECONDS * 1000;
    }

    /**
     * install-db leaves anonymous accounts and root accounts for this host's names; a more specific host
     * wins in MySQL's matching, so they would shadow root@'%' for clients on the node's address.
     */
    private static void dropDefaultAccounts(Connection connection) throws SQLException {
        List<String> accounts = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select user, host from mysql.user where user = ''"
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

    /** Created unreadable to others from the start, in the format the mariadb client reads with --defaults-file. */
    private void writeAdminFile(String password) throws IOException {
        writePrivate(adminFile, "[client]\nuser=" + ADMIN + "\npassword=" + password + "\nsocket=" + socket + "\n");
    }

    /** Written whole or not at all, and never readable by others, even for a moment. */
    static void writePrivate(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, content);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private String adminPassword() throws IOException {
        return Files.readAllLines(adminFile).stream()
                .filter(line -> line.startsWith("password="))
                .map(line -> line.substring("password=".length()))
                .findFirst()
                .orElseThrow(() -> new IOException(adminFile + " holds no password"));
    }

    /** SQL string literal; passwords are user-chosen, so escape rather than trust. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''").replace("\0", "\\0") + "'";
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
