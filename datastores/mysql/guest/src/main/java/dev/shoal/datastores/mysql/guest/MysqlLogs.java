package dev.shoal.datastores.mysql.guest;

import dev.shoal.guest.spi.DatastoreLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * MariaDB's logs a tenant reads: the error log, always written, and the slow query and general query logs, switched
 * on and off live with {@code SET GLOBAL} and kept so in {@code logs.cnf}, which {@code my.cnf} includes last.
 */
final class MysqlLogs {

    static final String FILE = "logs.cnf";
    static final String SLOW_FILE = "mysqld-slow.log";
    static final String GENERAL_FILE = "mysqld-general.log";
    /** Each user log by the name tenants use, and the server variable that switches it. */
    private static final Map<String, String> SWITCHES = new TreeMap<>(Map.of(
            "slow_query", "slow_query_log", "general", "general_log"));

    private final Path nodeDir;
    private final MysqlAccounts accounts;

    MysqlLogs(Path nodeDir, MysqlAccounts accounts) {
        this.nodeDir = nodeDir;
        this.accounts = accounts;
    }

    /** An empty file before the first start: {@code my.cnf} includes it. */
    void writeOnce() throws IOException {
        if (!Files.exists(nodeDir.resolve(FILE))) {
            write(new Properties());
        }
    }

    List<DatastoreLog> logs(DatastoreLog error) {
        Properties switched;
        try {
            switched = read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DatastoreLog> logs = new ArrayList<>(List.of(error));
        logs.add(DatastoreLog.user("general", nodeDir.resolve(GENERAL_FILE), on(switched, "general_log")));
        logs.add(DatastoreLog.user("slow_query", nodeDir.resolve(SLOW_FILE), on(switched, "slow_query_log")));
        return logs;
    }

    /** @return false: both logs switch without a restart */
    boolean switchLog(String name, boolean on) throws IOException, SQLException {
        String variable = SWITCHES.get(name);
        if (variable == null) {
            throw new IllegalArgumentException("MariaDB has no user log " + name + "; its user logs are "
                    + SWITCHES.keySet());
        }
        Properties switched = read();
        switched.setProperty(variable, on ? "1" : "0");
        write(switched);
        try (Connection connection = accounts.admin(); Statement sql = connection.createStatement()) {
            sql.execute("set global " + variable + " = " + (on ? "ON" : "OFF"));
        }
        return false;
    }

    private static boolean on(Properties switched, String variable) {
        return "1".equals(switched.getProperty(variable));
    }

    private Properties read() throws IOException {
        Properties switched = new Properties();
        Path file = nodeDir.resolve(FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    switched.setProperty(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
        }
        return switched;
    }

    private void write(Properties switched) throws IOException {
        StringBuilder cnf = new StringBuilder("[mysqld]\n");
        new TreeMap<>(switched).forEach((name, value) -> cnf.append(name).append('=').append(value).append('\n'));
        Files.writeString(nodeDir.resolve(FILE), cnf);
    }
}
