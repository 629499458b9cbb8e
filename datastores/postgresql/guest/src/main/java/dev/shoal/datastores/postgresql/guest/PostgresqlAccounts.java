package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.guest.DatabaseSchema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Tenants' databases and roles. A database is nobody's but its grantees': PUBLIC's CONNECT is revoked when it is
 * made, and access is CONNECT on it with the use of its {@code public} schema. Every call is safe to repeat.
 * Passwords are hashed (SCRAM) by the driver, so no plain password reaches the server or its log.
 */
final class PostgresqlAccounts {

    static final String ROOT = "root";

    private final PostgresqlAdmin admin;

    PostgresqlAccounts(PostgresqlAdmin admin) {
        this.admin = admin;
    }

    void createDatabase(DatabaseSchema database) throws SQLException, IOException {
        String name = PostgresqlNames.database(database.name());
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            String quoted = quote(connection, name);
            if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
                StringBuilder create = new StringBuilder("create database ").append(quoted)
                        .append(" template template0");
                if (database.characterSet() != null) {
                    String collate = database.collate() == null ? "C" : database.collate();
                    create.append(" encoding ").append(literal(connection, database.characterSet()))
                            .append(" lc_collate ").append(literal(connection, collate))
                            .append(" lc_ctype ").append(literal(connection, collate));
                }
                sql.execute(create.toString());
            }
            sql.execute("revoke all on database " + quoted + " from public");
        }
    }

    /** Grants on a database live in the database itself, so they go with it. */
    void deleteDatabase(String name) throws SQLException, IOException {
        PostgresqlNames.database(name);
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop database if exists " + quote(connection, name) + " with (force)");
        }
    }

    void createUser(String name, String host, String password, List<String> databases)
            throws SQLException, IOException {
        PostgresqlNames.user(name);
        PostgresqlNames.anyHost(name, host);
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            String quoted = quote(connection, name);
            sql.execute((role(connection, name) ? "alter role " : "create role ") + quoted + " login");
            connection.unwrap(PGConnection.class).alterUserPassword(name, password.toCharArray(), "scram-sha-256");
        }
        grantAccess(name, host, databases);
    }

    /**
     * What the role owns is handed to {@code os_admin} and its grants dropped, database by database, since
     * PostgreSQL refuses to drop a role anything still depends on.
     */
    void deleteUser(String name, String host) throws SQLException, IOException {
        PostgresqlNames.user(name);
        PostgresqlNames.anyHost(name, host);
        List<String> databases;
        try (Connection connection = admin.connect()) {
            if (!role(connection, name)) {
                return;
            }
            databases = connectableDatabases(connection);
        }
        for (String database : databases) {
            try (Connection connection = admin.connect(database); Statement sql = connection.createStatement()) {
                String quoted = quote(connection, name);
                sql.execute("reassign owned by " + quoted + " to " + PostgresqlAdmin.USER);
                sql.execute("drop owned by " + quoted);
            }
        }
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop role if exists " + quote(connection, name));
        }
    }

    void grantAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        PostgresqlNames.user(name);
        PostgresqlNames.anyHost(name, host);
        for (String database : databases) {
            PostgresqlNames.database(database);
            try (Connection connection = admin.connect()) {
                if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                    throw new IllegalArgumentException("no database " + database + " to grant " + name);
                }
                try (Statement sql = connection.createStatement()) {
                    sql.execute("grant connect, temporary, create on database " + quote(connection, database)
                            + " to " + quote(connection, name));
                }
            }
            try (Connection connection = admin.connect(database); Statement sql = connection.createStatement()) {
                sql.execute("grant usage, create on schema public to " + quote(connection, name));
            }
        }
    }

    void revokeAccess(String name, String host, List<String> databases) throws SQLException, IOException {
        PostgresqlNames.user(name);
        PostgresqlNames.anyHost(name, host);
        for (String database : databases) {
            PostgresqlNames.database(database);
            try (Connection connection = admin.connect()) {
                if (!role(connection, name)
                        || !exists(connection, "select 1 from pg_database where datname = ?", database)) {
                    continue;
                }
                try (Statement sql = connection.createStatement()) {
                    sql.execute("revoke all on database " + quote(connection, database) + " from "
                            + quote(connection, name));
                }
            }
            try (Connection connection = admin.connect(database); Statement sql = connection.createStatement()) {
                sql.execute("revoke all on schema public from " + quote(connection, name));
            }
        }
    }

    /**
     * Root is a superuser role named {@code root}, the name the api hands out with its password (Trove's PostgreSQL
     * guest opened {@code postgres} instead, which initdb here never makes).
     */
    void enableRoot(String password) throws SQLException, IOException {
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement()) {
            sql.execute((role(connection, ROOT) ? "alter" : "create") + " role " + ROOT + " superuser login");
            connection.unwrap(PGConnection.class).alterUserPassword(ROOT, password.toCharArray(), "scram-sha-256");
        }
    }

    List<String> databases() throws SQLException, IOException {
        List<String> names = new ArrayList<>();
        try (Connection connection = admin.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select datname from pg_database where not datistemplate"
                     + " order by datname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<String> connectableDatabases(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select datname from pg_database where datallowconn")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static boolean role(Connection connection, String name) throws SQLException {
        return exists(connection, "select 1 from pg_roles where rolname = ?", name);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quote(Connection connection, String identifier) throws SQLException {
        return connection.unwrap(PGConnection.class).escapeIdentifier(identifier);
    }

    private static String literal(Connection connection, String value) throws SQLException {
        // the driver escapes, standard_conforming_strings being on; the quotes are the caller's
        return "'" + connection.unwrap(PGConnection.class).escapeLiteral(value) + "'";
    }
}
