package dev.shoal.datastores.mysql.guest;

import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configuration group on MariaDB: the values go to {@code overrides.cnf}, which {@code my.cnf} includes, so they
 * hold across restarts, and each is set live with {@code SET GLOBAL}; a variable the server only reads at start
 * is reported as needing a restart.
 */
final class MysqlOverrides {

    static final String FILE = "overrides.cnf";
    private static final int READ_ONLY_VARIABLE = 1238;

    private final Path file;
    private final MysqlAccounts accounts;

    MysqlOverrides(Path nodeDir, MysqlAccounts accounts) {
        this.file = nodeDir.resolve(FILE);
        this.accounts = accounts;
    }

    /** Written before the first start too, so a group given at create time needs no restart. */
    void write(Map<String, String> values) throws IOException {
        Files.writeString(file, render(values));
    }

    static String render(Map<String, String> values) {
        StringBuilder cnf = new StringBuilder("[mysqld]\n");
        new TreeMap<>(values).forEach((name, value) -> cnf.append(name).append('=').append(value).append('\n'));
        return cnf.toString();
    }

    AppliedConfiguration apply(ConfigurationOverrides overrides) throws IOException, SQLException {
        write(overrides.values());
        List<String> restartRequired = new ArrayList<>();
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            Map<String, String> running = running(sql, overrides.managed());
            for (String name : overrides.managed()) {
                String desired = overrides.values().get(name);
                String current = running.get(name);
                if (current == null || desired != null && same(desired, current)) {
                    continue;
                }
                try {
                    sql.execute("set global " + identifier(name) + " = " + (desired == null ? "default" : literal(desired)));
                } catch (SQLException e) {
                    if (e.getErrorCode() != READ_ONLY_VARIABLE) {
                        throw e;
                    }
                    if (desired != null) {
                        restartRequired.add(name);
                    }
                }
            }
            return new AppliedConfiguration(restartRequired, running(sql, overrides.managed()));
        }
    }

    private static Map<String, String> running(Statement sql, List<String> names) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        for (String name : names) {
            try (ResultSet row = sql.executeQuery("show global variables like " + MysqlAccounts.quote(name))) {
                if (row.next()) {
                    values.put(name, row.getString(2));
                }
            }
        }
        return values;
    }

    /** MariaDB answers booleans as ON/OFF and sizes as plain numbers. */
    static boolean same(String desired, String running) {
        return normalise(desired).equals(normalise(running));
    }

    private static String normalise(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "true", "1", "on" -> "on";
            case "false", "0", "off" -> "off";
            default -> lower;
        };
    }

    static String literal(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.matches("-?[0-9]+")) {
            return lower;
        }
        if (lower.equals("true") || lower.equals("on")) {
            return "ON";
        }
        if (lower.equals("false") || lower.equals("off")) {
            return "OFF";
        }
        return MysqlAccounts.quote(value);
    }

    static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a server variable: " + name);
        }
        return name;
    }
}
