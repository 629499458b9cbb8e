package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A configuration group on a real Cassandra ring through the API: every node starts with its values, a change is
 * applied live to every node, a change only a restart applies leaves the nodes RESTART_REQUIRED until a rolling
 * restart of the cluster; what each server says it runs with ({@code system_views.settings}) and what the API
 * reports agree at each step.
 */
class CassandraConfigurationE2E extends StandaloneE2E {

    private static final String TENANT = "ringconf";

    @Test
    void aGroupsValuesReachEveryNodeOfTheRing() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        ShoalHttp.Response refused = http.send("POST", "/v1.0/" + TENANT + "/configurations", token, """
                {"configuration": {"name": "bad", "datastore": {"type": "cassandra"},
                                   "values": {"read_request_timeout": 1}}}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("values.read_request_timeout");
        String group = http.send("POST", "/v1.0/" + TENANT + "/configurations", token, """
                {"configuration": {"name": "tuned", "datastore": {"type": "cassandra"},
                                   "values": {"compaction_throughput": 100, "concurrent_reads": 16}}}""")
                .json().path("configuration").path("id").asString();

        Instant posted = Instant.now();
        ShoalHttp.Response created = http.send("POST", "/v1.0/" + TENANT + "/clusters", token, """
                {"cluster": {"name": "tuned", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 2, "configuration": "%s"}}""".formatted(group));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String path = "/v1.0/" + TENANT + "/clusters/" + created.json().path("cluster").path("id").asString();
        JsonNode cluster = awaitClusterActive(http, path, token);
        System.out.printf("configured 2-node Cassandra cluster POST to ACTIVE: %d ms%n",
                Duration.between(posted, Instant.now()).toMillis());
        List<String> ips = List.of(ip(cluster, 0), ip(cluster, 1));
        List<String> nodes = nodeIds(cluster);
        for (int i = 0; i < 2; i++) {
            assertThat(settings(ips.get(i))).as("node %s from its first start", ips.get(i))
                    .containsEntry("compaction_throughput", "100MiB/s").containsEntry("concurrent_reads", "16");
            assertThat(running(http, path, nodes.get(i), token)).containsEntry("compaction_throughput", "100")
                    .containsEntry("concurrent_reads", "16").containsEntry("read_request_timeout", "5000");
        }

        Instant patched = Instant.now();
        assertThat(http.send("PATCH", "/v1.0/" + TENANT + "/configurations/" + group, token, """
                {"configuration": {"values": {"compaction_throughput": 40, "read_request_timeout": 4000}}}""")
                .status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            String node = nodes.get(i);
            await("live values reported by node " + ips.get(i)).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> running(http, path, node, token).get("compaction_throughput"), "40"::equals);
            assertThat(settings(ips.get(i))).as("node %s applied live", ips.get(i))
                    .containsEntry("compaction_throughput", "40MiB/s").containsEntry("read_request_timeout", "4000ms");
            assertThat(running(http, path, node, token)).containsEntry("read_request_timeout", "4000");
        }
        System.out.printf("PATCH to every node running the live values: %d ms%n",
                Duration.between(patched, Instant.now()).toMillis());
        assertThat(http.send("GET", path, token, null).json().path("cluster").path("status").asString())
                .isEqualTo("ACTIVE");

        assertThat(http.send("PATCH", "/v1.0/" + TENANT + "/configurations/" + group, token, """
                {"configuration": {"values": {"concurrent_writes": 48}}}""").status()).isEqualTo(200);
        for (String node : nodes) {
            await("restart required on " + node).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.send("GET", path + "/nodes/" + node, token, null).json().path("node")
                            .path("status").asString(), "RESTART_REQUIRED"::equals);
        }
        assertThat(settings(ips.get(0))).as("a restart applies it").containsEntry("concurrent_writes", "32");

        Instant restarting = Instant.now();
        assertThat(http.send("POST", path, token, "{\"restart\": {}}").status()).isEqualTo(202);
        assertThat(http.send("GET", path, token, null).json().path("cluster").path("status").asString())
                .isEqualTo("RESTARTING");
        cluster = awaitClusterActive(http, path, token);
        System.out.printf("rolling restart of 2 nodes to ACTIVE: %d ms%n",
                Duration.between(restarting, Instant.now()).toMillis());
        for (int i = 0; i < 2; i++) {
            assertThat(settings(ips.get(i))).as("node %s after the restart", ips.get(i))
                    .containsEntry("concurrent_writes", "48").containsEntry("compaction_throughput", "40MiB/s");
            assertThat(running(http, path, nodes.get(i), token)).containsEntry("concurrent_writes", "48");
            assertThat(cluster.path("nodes").path(i).path("status").asString()).isEqualTo("ACTIVE");
        }

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("cluster deleted").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send("GET", path, token, null).status() == 404);
        assertThat(http.send("DELETE", "/v1.0/" + TENANT + "/configurations/" + group, token, null).status())
                .isEqualTo(202);
    }

    private static Map<String, Object> running(ShoalHttp http, String path, String node, String token) {
        JsonNode configuration = http.send("GET", path + "/nodes/" + node + "/configuration", token, null).json()
                .path("node").path("configuration");
        Map<String, Object> values = new TreeMap<>();
        configuration.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }

    /** system_views is local to each node: the query is pinned to the node asked about. */
    private static Map<String, String> settings(String ip) {
        try (CqlSession session = CqlSession.builder().addContactPoint(new InetSocketAddress(ip, 9042))
                .withLocalDatacenter("local")
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)).build())
                .build()) {
            Node coordinator = session.getMetadata().findNode(new InetSocketAddress(ip, 9042)).orElseThrow();
            Map<String, String> settings = new TreeMap<>();
            for (Row row : session.execute(SimpleStatement.newInstance("select name, value from system_views.settings")
                    .setNode(coordinator))) {
                settings.put(row.getString("name"), row.getString("value"));
            }
            return settings;
        }
    }

    private static String ip(JsonNode cluster, int index) {
        return cluster.path("nodes").path(index).path("ip").path(0).asString();
    }
}
