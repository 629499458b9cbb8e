package dev.shoal.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PostgreSQL database of its own for one test suite, dropped and created anew once per JVM, on the
 * server named by {@code SHOAL_TEST_DB_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}
 * (default: this machine's 127.0.0.1:5432 as postgres).
 */
public final class TestDatabase {

    private static final Map<String, String> CREATED = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    /**
     * @return the JDBC URL of a fresh, empty database called {@code name}, suffixed with {@code SHOAL_TEST_RUN}
     * when that is set so that test runs of two checkouts never share (and drop) each other's databases
     */
    public static String fresh(String name) {
        name = name + runSuffix("_");
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return CREATED.computeIfAbsent(name, TestDatabase::recreate);
    }

    public static String user() {
        return env("SHOAL_TEST_DB_USER", "postgres");
    }

    public static String password() {
        return env("SHOAL_TEST_DB_PASSWORD", "");
    }

    private static String recreate(String name) {
        String server = "jdbc:postgresql://" + env("SHOAL_TEST_DB_HOST", "127.0.0.1") + ":"
                + env("SHOAL_TEST_DB_PORT", "5432") + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", user(), password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + name + " at " + server
                    + " (is PostgreSQL running? see README)", e);
        }
        return server + name;
    }

    /** {@code SHOAL_TEST_RUN} after a separator, or nothing when it is unset. */
    static String runSuffix(String separator) {
        String run = env("SHOAL_TEST_RUN", "");
        if (!run.matches("[a-z0-9]{0,16}")) {
            throw new IllegalArgumentException("SHOAL_TEST_RUN must be up to 16 lower-case letters and digits: " + run);
        }
        return run.isEmpty() ? "" : separator + run;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
