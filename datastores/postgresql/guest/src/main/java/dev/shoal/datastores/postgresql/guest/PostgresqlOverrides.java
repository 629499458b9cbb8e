package dev.shoal.datastores.postgresql.guest;

import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;

/**
 * A configuration group's values, written with ALTER SYSTEM (so they outlast restarts and win over the guest's own
 * file) and applied with {@code pg_reload_conf()}; what the server reads only at start waits for a restart, as its
 * {@code pending_restart} says. A managed parameter without a value is reset to the server's own.
 */
final class PostgresqlOverrides {

    private static final long RELOAD_TIMEOUT_MS = 10_000;

    private final PostgresqlAdmin admin;

    PostgresqlOverrides(PostgresqlAdmin admin) {
        this.admin = admin;
    }

    AppliedConfiguration apply(ConfigurationOverrides overrides) throws SQLException, IOException,
            InterruptedException {
        try (Connection connection = admin.connect()) {
            Map<String, PostgresqlParameter> known = describe(connection, overrides.managed());
            for (String name : overrides.values().keySet()) {
                if (!known.containsKey(name)) {
                    throw new IllegalArgumentException("PostgreSQL has no parameter " + name
                            + (overrides.managed().contains(name) ? "" : ", and configuration groups do not manage it"));
                }
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Statement sql = connection.createStatement()) {
                for (String name : known.keySet()) {
                    String value = overrides.values().get(name);
                    sql.execute(value == null ? "alter system reset " + pg.escapeIdentifier(name)
                            : "alter system set " + pg.escapeIdentifier(name) + " = '" + pg.escapeLiteral(value) + "'");
                }
            }
            reload(connection);
            return running(connection, known.keySet());
        }
    }

    /** What {@code pg_settings} says of each parameter it knows among {@code names}. */
    static Map<String, PostgresqlParameter> describe(Connection connection, List<String> names) throws SQLException {
        Map<String, PostgresqlParameter> known = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("select name, vartype, min_val, max_val,"
                + " enumvals, context, unit, short_desc from pg_settings where name = any (?)")) {
            query.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Array enumvals = rows.getArray("enumvals");
                    known.put(rows.getString("name"), PostgresqlParameter.of(rows.getString("name"),
                            rows.getString("vartype"), rows.getString("min_val"), rows.getString("max_val"),
                            enumvals == null ? null : Arrays.asList((String[]) enumvals.getArray()),
                            rows.getString("context"), rows.getString("unit"), rows.getString("short_desc")));
                }
            }
        }
        return known;
    }

    /**
     * pg_reload_conf() only signals the server: this session has re-read the files once its own load time moves,
     * and it does so after the postmaster, so what it then reads is what new sessions run with.
     */
    private static void reload(Connection connection) throws SQLException, InterruptedException {
        Timestamp before = loadTime(connection);
        try (Statement sql = connection.createStatement()) {
            sql.execute("select pg_reload_conf()");
        }
        long deadline = System.currentTimeMillis() + RELOAD_TIMEOUT_MS;
        while (!loadTime(connection).after(before)) {
            if (System.currentTimeMillis() > deadline) {
                throw new SQLException("PostgreSQL did not reload its configuration within " + RELOAD_TIMEOUT_MS
                        + " ms");
            }
            Thread.sleep(10);
        }
    }

    private static Timestamp loadTime(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                "select pg_conf_load_time()")) {
            row.next();
            return row.getTimestamp(1);
        }
    }

    private static AppliedConfiguration running(Connection connection, Iterable<String> names) throws SQLException {
        List<String> list = new ArrayList<>();
        names.forEach(list::add);
        Map<String, String> running = new LinkedHashMap<>();
        List<String> restartRequired = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select name, setting, pending_restart"
                + " from pg_settings where name = any (?) order by name")) {
            query.setArray(1, connection.createArrayOf("text", list.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    running.put(rows.getString(1), rows.getString(2));
                    if (rows.getBoolean(3)) {
                        restartRequired.add(rows.getString(1));
                    }
                }
            }
        }
        return new AppliedConfiguration(restartRequired, running);
    }
}
