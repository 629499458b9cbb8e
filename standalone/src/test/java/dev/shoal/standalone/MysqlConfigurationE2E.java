package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A configuration group on a real MariaDB through the API: given at create time, changed while attached (live where
 * the server can, RESTART_REQUIRED where it cannot, until a restart), and detached; SHOW VARIABLES shows each step.
 * A cluster's group reaches every node and follows its changes the same way.
 */
class MysqlConfigurationE2E extends StandaloneE2E {

    private static final String TENANT = "configured";

    @Test
    void aGroupsValuesReachTheRunningServer() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String group = http.send("POST", "/v1.0/" + TENANT + "/configurations", token, """
                {"configuration": {"name": "busy", "datastore": {"type": "mysql"},
                                   "values": {"max_connections": 99}}}""").json().path("configuration").path("id")
                .asString();
        String path = "/v1.0/" + TENANT + "/instances/" + http.send("POST", "/v1.0/" + TENANT + "/instances", token, """
                {"instance": {"name": "tuned", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                              "configuration": "%s"}}""".formatted(group)).json().path("instance").path("id").asString();
        await("instance ACTIVE").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, path, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        String url = mysqlUrl(http.send("GET", path, token, null).json().path("instance").path("ip").path(0).asString());
        String password = http.send("POST", path + "/root", token, null).json().path("user").path("password")
                .asString();
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(url, "root", password));
        assertThat(variable(url, password, "max_connections")).as("from the first start").isEqualTo("99");

        assertThat(http.send("PATCH", "/v1.0/" + TENANT + "/configurations/" + group, token, """
                {"configuration": {"values": {"max_connections": 150, "performance_schema": true}}}""").status())
                .isEqualTo(200);
        await("restart required").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, path, token), "RESTART_REQUIRED"::equals);
        assertThat(variable(url, password, "max_connections")).as("applied live").isEqualTo("150");
        assertThat(variable(url, password, "performance_schema")).isEqualTo("OFF");
        assertThat(http.send("GET", path + "/configuration", token, null).json().path("instance")
                .path("configuration").path("max_connections").asString()).isEqualTo("150");

        assertThat(http.send("POST", path + "/action", token, "{\"restart\": {}}").status()).isEqualTo(202);
        await("active after the restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, path, token), "ACTIVE"::equals);
        assertThat(variable(url, password, "performance_schema")).isEqualTo("ON");

        assertThat(http.send("PUT", path, token, "{\"instance\": {\"configuration\": null}}").status()).isEqualTo(202);
        await("detached: the server's own value").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> variable(url, password, "max_connections"), "151"::equals);

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("instance gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
    }

    @Test
    void aClustersGroupReachesEveryNodeAndFollowsItsChanges() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT + "-cluster");
        String tenant = "/v1.0/" + TENANT + "-cluster";
        String group = http.send("POST", tenant + "/configurations", token, """
                {"configuration": {"name": "busy", "datastore": {"type": "mysql"},
                                   "values": {"max_connections": 99}}}""").json().path("configuration").path("id")
                .asString();
        ShoalHttp.Response created = http.send("POST", tenant + "/clusters", token, """
                {"cluster": {"name": "orders", "datastore": {"type": "mysql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 2, "configuration": "%s"}}""".formatted(group));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String path = tenant + "/clusters/" + created.json().path("cluster").path("id").asString();
        JsonNode cluster = awaitClusterActive(http, path, token);
        String password = http.send("POST", path + "/root", token, null).json().path("user").path("password")
                .asString();
        List<String> urls = new ArrayList<>();
        cluster.path("nodes").forEach(node -> urls.add(mysqlUrl(node.path("ip").path(0).asString())));
        for (String url : urls) {
            await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> canConnect(url, "root", password));
            assertThat(variable(url, password, "max_connections")).as(url + " from the first start").isEqualTo("99");
        }

        assertThat(http.send("PATCH", tenant + "/configurations/" + group, token,
                "{\"configuration\": {\"values\": {\"max_connections\": 150}}}").status()).isEqualTo(200);
        for (String url : urls) {
            await("applied live on " + url).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> variable(url, password, "max_connections"), "150"::equals);
        }
        for (JsonNode node : cluster.path("nodes")) {
            String running = path + "/nodes/" + node.path("id").asString() + "/configuration";
            await("running values reported").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.send("GET", running, token, null).json().path("node").path("configuration")
                            .path("max_connections").asString(), "150"::equals);
        }

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("cluster deleted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
    }

    private static String variable(String url, String password, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("show global variables like '" + name + "'")) {
            row.next();
            return row.getString(2);
        }
    }
}
