package dev.shoal.bench.plane;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL database of this machine's server made empty for one run and dropped after it. */
public final class BenchDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;

    private BenchDatabase(String name) {
        this.name = name;
    }

    /** Drops what a crashed run may have left under the same name, then creates it. */
    public static BenchDatabase fresh(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        BenchDatabase database = new BenchDatabase(name);
        database.drop();
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = server.createStatement()) {
            statement.execute("create database " + name);
        }
        return database;
    }

    public String url() {
        return SERVER + name;
    }

    public String user() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    private void drop() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = server.createStatement()) {
            // a standalone killed a moment ago may still hold connections
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    @Override
    public void close() throws SQLException {
        drop();
    }
}
