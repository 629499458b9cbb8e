package dev.shoal.datastores.mysql.guest;

import dev.shoal.contracts.guest.DatabaseSchema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's databases and accounts on the node's server, through the agent's own account. The API validated
 * every name; they are quoted here all the same, since the guest trusts nothing it is sent. Written to the binary
 * log like any tenant change, so an instance's replicas follow.
 */
final class MysqlSchemas {

    /** MySQL's "there is no such grant": revoking what is not granted is already done. */
    private static final int NONEXISTING_GRANT = 1141;

    private static final Logger log = LoggerFactory.getLogger(MysqlSchemas.class);

    private final MysqlAccounts accounts;
    private final String nodeId;

    MysqlSchemas(MysqlAccounts accounts, String nodeId) {
        this.accounts = accounts;
        this.nodeId = nodeId;
    }

    void createDatabase(DatabaseSchema database) throws SQLException, IOException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("create database if not exists " + identifier(database.name())
                    + " character set " + identifier(database.characterSet())
                    + " collate " + identifier(database.collate()));
        }
        log.info("node {}: database {} created", nodeId, database.name());
    }

    void deleteDatabase(String name) throws SQLException, IOException {
        try (Connection connection = accounts.admin()) {
            for (String account : grantees(connection, name)) {
                revoke(connection, account, name);
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute("drop database if exists " + identifier(name));
            }
        }
        log.info("node {}: database {} deleted", nodeId, name);
    }

    void createUser(String name, String host, String password, List<String> databases)
            throws SQLException, IOException {
        String account = account(name, host);
        String secret = MysqlAccounts.quote(password);
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("create user if not exists " + account + " identified by " + secret);
            sql.execute("alter user " + account + " identified by " + secret);
            for (String database : databases) {
                sql.execute("grant all privileges on " + grantTarget(database) + " to " + account);
            }
        }
        log.info("node {}: user {}@{} created with access to {}", nodeId, name, host, databases);
    }

    void deleteUser(String name, String host) throws SQLException, IOException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("drop user if exists " + account(name, host));
        }
        log.info("node {}: user {}@{} deleted", nodeId, name, host);
    }

    void grantAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            for (String database : databases) {
                sql.execute("grant all privileges on " + grantTarget(database) + " to " + account(name, host));
            }
        }
        log.info("node {}: user {}@{} granted {}", nodeId, name, host, databases);
    }

    void revokeAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        try (Connection connection = accounts.admin()) {
            for (String database : databases) {
                revoke(connection, account(name, host), database);
            }
        }
        log.info("node {}: user {}@{} revoked {}", nodeId, name, host, databases);
    }

    private static void revoke(Connection connection, String account, String database) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("revoke all privileges on " + grantTarget(database) + " from " + account);
        } catch (SQLException e) {
            if (e.getErrorCode() != NONEXISTING_GRANT) {
                throw e;
            }
        }
    }

    private static List<String> grantees(Connection connection, String database) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select user, host from mysql.db where db = ?")) {
            query.setString(1, grantPattern(database));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(account(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return found;
    }

    static String account(String name, String host) {
        return MysqlAccounts.quote(name) + "@" + MysqlAccounts.quote(host);
    }

    static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * In a grant's database name {@code _} and {@code %} are wildcards: unescaped, access to {@code a_b} would
     * also open {@code axb}.
     */
    static String grantTarget(String database) {
        return identifier(grantPattern(database)) + ".*";
    }

    static String grantPattern(String database) {
        return database.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }
}
