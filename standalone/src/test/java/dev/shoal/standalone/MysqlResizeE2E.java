package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trove's resize on a real MariaDB through the API: a new flavor resizes the buffer pool while the server keeps
 * serving (no restart), a larger volume is what the node reports against; the data stays.
 */
class MysqlResizeE2E extends StandaloneE2E {

    private static final String TENANT = "resizing";

    @Test
    void aNewFlavorAndALargerVolumeReachTheRunningServer() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String path = "/v1.0/" + TENANT + "/instances/" + http.send("POST", "/v1.0/" + TENANT + "/instances", token,
                """
                {"instance": {"name": "growing", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}}}""").json().path("instance").path("id").asString();
        awaitActive(http, path, token);
        String url = mysqlUrl(http.send("GET", path, token, null).json().path("instance").path("ip").path(0)
                .asString());
        String password = http.send("POST", path + "/root", token, null).json().path("user").path("password")
                .asString();
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(url, "root", password));
        execute(url, password, "create database shop");
        execute(url, password, "create table shop.items (id int primary key)");
        execute(url, password, "insert into shop.items values (1)");
        assertThat(number(url, password, "select @@innodb_buffer_pool_size")).isEqualTo(128L << 20);
        long uptimeBefore = number(url, password, "select variable_value from information_schema.global_status"
                + " where variable_name = 'UPTIME'");

        ShoalHttp.Response resized = http.send("POST", path + "/action", token,
                "{\"resize\": {\"flavorRef\": \"2\"}}");
        assertThat(resized.status()).as(resized.body()).isEqualTo(202);
        JsonNode instance = awaitActive(http, path, token);
        assertThat(instance.path("flavor").path("id").asString()).isEqualTo("2");
        assertThat(number(url, password, "select @@innodb_buffer_pool_size")).as("the new flavor's pool")
                .isEqualTo(256L << 20);
        assertThat(number(url, password, "select variable_value from information_schema.global_status"
                + " where variable_name = 'UPTIME'")).as("served throughout: no restart")
                .isGreaterThanOrEqualTo(uptimeBefore);

        assertThat(http.send("POST", path + "/action", token, "{\"resize\": {\"volume\": {\"size\": 3}}}").status())
                .isEqualTo(202);
        assertThat(awaitActive(http, path, token).path("volume").path("size").asInt()).isEqualTo(3);
        assertThat(number(url, password, "select count(*) from shop.items")).as("the data stays").isEqualTo(1);

        // the guest keeps both for the next start: a restart comes back with the new pool
        assertThat(http.send("POST", path + "/action", token, "{\"restart\": {}}").status()).isEqualTo(202);
        awaitActive(http, path, token);
        await("back after the restart").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> number(url, password, "select @@innodb_buffer_pool_size"), size -> size == 256L << 20);

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("instance gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
    }

    private static JsonNode awaitActive(ShoalHttp http, String path, String token) {
        await("instance ACTIVE").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, path, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        JsonNode instance = http.send("GET", path, token, null).json().path("instance");
        assertThat(instance.path("status").asString()).as(instance.toString()).isEqualTo("ACTIVE");
        return instance;
    }

    private static void execute(String url, String password, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long number(String url, String password, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
