package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trove's datastore log API on a real MariaDB: its logs listed, the slow query log switched on, what a client did
 * there published and read back through the object store API as {@code openstack database log tail} reads it, its
 * parts discarded, bad requests refused naming the field, another tenant seeing nothing, and nothing left once the
 * instance is deleted.
 */
class MysqlLogsE2E extends StandaloneE2E {

    private static final String TENANT = "logging";

    @Test
    void aTenantSwitchesOnTheSlowQueryLogAndReadsWhatItsClientsDidThere() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String stranger = http.newTenant(OPERATOR_TOKEN, TENANT + "-other");
        TenantInstances instances = new TenantInstances(http, token, TENANT);
        String id = http.send("POST", instances.path(), token, """
                {"instance": {"name": "audited", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}}}""").json().path("instance").path("id").asString();
        instances.awaitActive(id);
        String logs = instances.path() + "/" + id + "/log";

        ShoalHttp.Response listed = http.send("GET", logs, token, null);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(byName(listed.json().path("logs"))).containsOnlyKeys("error", "general", "slow_query");
        JsonNode error = byName(listed.json().path("logs")).get("error");
        assertThat(error.path("type").asString()).isEqualTo("SYS");
        assertThat(error.path("status").asString()).isEqualTo("Ready");
        assertThat(error.path("pending").asLong()).as("the server said it started").isPositive();
        assertThat(byName(listed.json().path("logs")).get("slow_query").path("status").asString())
                .isEqualTo("Disabled");

        JsonNode enabled = act(http, logs, token, "{\"name\": \"slow_query\", \"enable\": 1}");
        assertThat(enabled.path("status").asString()).isIn("Enabled", "Ready");
        String password = instances.enableRoot(id);
        try (Connection connection = DriverManager.getConnection(instances.url(id), "root", password);
             Statement sql = connection.createStatement()) {
            sql.execute("set session long_query_time = 0");
            sql.executeQuery("select 'a query worth auditing'").close();
        }

        JsonNode published = act(http, logs, token, "{\"name\": \"slow_query\", \"publish\": 1}");
        assertThat(published.path("status").asString()).isEqualTo("Published");
        assertThat(published.path("container").asString()).isEqualTo("database_logs");
        assertThat(published.path("prefix").asString()).isEqualTo(id + "/mysql-slow_query/");
        String store = "/v1/AUTH_" + TENANT + "/database_logs";
        ShoalHttp.Response parts = http.send("GET", store + "?format=json&prefix=" + id + "/mysql-slow_query/",
                token, null);
        assertThat(parts.status()).as(parts.body()).isEqualTo(200);
        assertThat(parts.json()).hasSize(1);
        String part = parts.json().path(0).path("name").asString();
        ShoalHttp.Response read = http.send("GET", store + "/" + part, token, null);
        assertThat(read.body()).contains("a query worth auditing");
        assertThat(http.send("GET", store + "/" + part, stranger, null).status()).as("not another tenant's")
                .isEqualTo(404);
        assertThat(http.send("GET", "/v1/AUTH_" + TENANT + "-other/database_logs?prefix=" + id, stranger, null)
                .json()).isEmpty();
        assertThat(http.send("GET", logs.replace(TENANT + "/", TENANT + "-other/"), stranger, null).status())
                .isEqualTo(404);

        assertThat(act(http, logs, token, "{\"name\": \"error\", \"publish\": 1}").path("published").asLong())
                .isPositive();
        assertThat(act(http, logs, token, "{\"name\": \"slow_query\", \"discard\": 1}").path("status").asString())
                .isNotEqualTo("Published");
        assertThat(http.send("GET", store + "/" + part, token, null).status()).as("discarded").isEqualTo(404);

        assertProblem(http.send("POST", logs, token, "{\"name\": \"error\", \"disable\": 1}"), 400, "disable");
        assertProblem(http.send("POST", logs, token, "{\"name\": \"audit\", \"publish\": 1}"), 422, "name");
        assertProblem(http.send("POST", logs, token, "{\"publish\": 1}"), 400, "name");
        assertProblem(http.send("POST", logs, token, "{\"name\": \"general\", \"enable\": \"yes\"}"), 400, "enable");

        instances.deleteInOrder(List.of(id));
        assertThat(http.send("GET", store + "?prefix=" + id, token, null).json()).as("nothing left").isEmpty();
    }

    private static JsonNode act(ShoalHttp http, String logs, String token, String body) {
        ShoalHttp.Response acted = http.send("POST", logs, token, body);
        assertThat(acted.status()).as(acted.body()).isEqualTo(200);
        return acted.json().path("log");
    }

    private static void assertProblem(ShoalHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("errors").toString()).as(response.body()).contains(field);
    }

    private static Map<String, JsonNode> byName(JsonNode logs) {
        Map<String, JsonNode> named = new java.util.TreeMap<>();
        List<JsonNode> all = new ArrayList<>();
        logs.forEach(all::add);
        all.forEach(log -> named.put(log.path("name").asString(), log));
        return named;
    }
}
