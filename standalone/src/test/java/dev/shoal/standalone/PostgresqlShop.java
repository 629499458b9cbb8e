package dev.shoal.standalone;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The tenant's database {@code shop} on a PostgreSQL node, through the PostgreSQL JDBC driver as a client uses it. */
final class PostgresqlShop {

    private PostgresqlShop() {
    }

    /** The node's {@code database}; short timeouts, so that a lost host is a quick refusal and not a hang. */
    static String url(String ip, String database) {
        return "jdbc:postgresql://" + ip + ":5432/" + database + "?connectTimeout=2&socketTimeout=10&loginTimeout=3";
    }

    /** As root (a superuser): the database, its table of items with {@code ids}, and the application's role. */
    static void create(String ip, String rootPassword, int... ids) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(ip, "postgres"), "root", rootPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("create database shop");
            sql.execute("create role app login password '" + StandaloneE2E.APP_PASSWORD + "'");
        }
        try (Connection connection = DriverManager.getConnection(url(ip, "shop"), "root", rootPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("create table items (id int primary key)");
            sql.execute("grant select, insert on items to app");
            for (int id : ids) {
                sql.execute("insert into items values (" + id + ")");
            }
        }
    }

    static void insert(String ip, int id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(ip, "shop"), "app", StandaloneE2E.APP_PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("insert into items values (" + id + ")");
        }
    }

    static List<Integer> ids(String ip) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url(ip, "shop"), "app", StandaloneE2E.APP_PASSWORD);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select id from items order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    static boolean holds(String ip, int id) {
        try {
            return ids(ip).contains(id);
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** A setting as the running server shows it. */
    static String show(String ip, String rootPassword, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(ip, "postgres"), "root", rootPassword);
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("show " + parameter)) {
            row.next();
            return row.getString(1);
        }
    }

    static boolean canConnect(String ip, String rootPassword) throws SQLException {
        return StandaloneE2E.canConnect(url(ip, "postgres"), "root", rootPassword);
    }
}
