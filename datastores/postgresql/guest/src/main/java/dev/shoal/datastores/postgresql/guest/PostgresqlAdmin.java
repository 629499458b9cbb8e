package dev.shoal.datastores.postgresql.guest;

import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The guest's own superuser, {@code os_admin} (Trove's name for it): initdb makes it the bootstrap superuser, which
 * no tenant can drop, with a password only the agent's user reads. The guest reaches its server as it over TCP,
 * since PostgreSQL's JDBC driver speaks no unix socket.
 */
final class PostgresqlAdmin {

    static final String USER = "os_admin";

    private final Path passwordFile;
    private final String address;

    PostgresqlAdmin(Path nodeDir, String address) {
        this.passwordFile = nodeDir.resolve("os_admin.password");
        this.address = address;
    }

    /** The node's own address, which its server listens on. */
    String address() {
        return address;
    }

    /** The password, made on first use and kept for every later start. */
    String password() throws IOException {
        if (!Files.exists(passwordFile)) {
            PostgresqlFiles.writePrivate(passwordFile, randomPassword(), PostgresqlOsUser.agent());
        }
        return Files.readString(passwordFile).strip();
    }

    /** The password of the data this node now holds, another node's copy. */
    void adopt(String password) throws IOException {
        PostgresqlFiles.writePrivate(passwordFile, password, PostgresqlOsUser.agent());
    }

    static String randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** What the running server sized its shared buffers to, in bytes. */
    long sharedBuffersBytes() throws SQLException, IOException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select pg_size_bytes(current_setting('shared_buffers'))")) {
            row.next();
            return row.getLong(1);
        }
    }

    Connection connect() throws SQLException, IOException {
        return connect("postgres");
    }

    Connection connect(String database) throws SQLException, IOException {
        return connect(database, USER, password());
    }

    /**
     * Another node's server as {@code os_admin}: every node of a set was made from a copy of another, roles and
     * passwords alike.
     */
    Connection connectTo(String otherAddress) throws SQLException, IOException {
        return open(otherAddress, "postgres", USER, password());
    }

    /** A connection as anyone, to any database: the server's own answer to whether they get in. */
    Connection connect(String database, String user, String password) throws SQLException {
        return open(address, database, user, password);
    }

    private static Connection open(String address, String database, String user, String password)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "shoal-guest");
        return DriverManager.getConnection(url(address, database), properties);
    }

    static String url(String address, String database) {
        return "jdbc:postgresql://" + address + ":" + PostgresqlDatastore.PORT + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }
}
