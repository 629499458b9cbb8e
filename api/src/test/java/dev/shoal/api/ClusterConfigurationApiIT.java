package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cluster configuration groups: checked against their version's parameters (Cassandra 5.0, MongoDB 7.0), given to
 * a cluster, followed by its nodes.
 */
class ClusterConfigurationApiIT extends ApiTestSupport {

    @Test
    void mongoDbGroupsTakeMongodsParametersTypedAndInRange() {
        String token = tenantToken("mongotuner");
        JsonNode parameters = call("GET", "/v1.0/mongotuner/datastores/mongodb/versions/7.0/parameters", token,
                null).json().path("configuration-parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asString()));
        assertThat(names).contains("cursorTimeoutMillis", "slowOpThresholdMs", "notablescan",
                "maxIncomingConnections");
        Response created = call("POST", "/v1.0/mongotuner/configurations", token, """
                {"configuration": {"name": "docs", "datastore": {"type": "mongodb"},
                                   "values": {"cursorTimeoutMillis": 30000, "notablescan": true}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("configuration").path("values").path("notablescan").asBoolean()).isTrue();

        Response refused = call("POST", "/v1.0/mongotuner/configurations", token, """
                {"configuration": {"name": "bad", "datastore": {"type": "mongodb"},
                                   "values": {"cursorTimeoutMillis": 10, "replSet": "rs-mine",
                                              "notablescan": "sometimes"}}}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("values.cursorTimeoutMillis", "values.replSet", "values.notablescan");
    }


    @Test
    void aClusterCreatedWithAGroupHasItOnEveryNodeAndEveryChangeIsAppliedToThem() {
        String token = tenantToken("ringtuner");
        String group = call("POST", "/v1.0/ringtuner/configurations", token, """
                {"configuration": {"name": "fast", "datastore": {"type": "cassandra"},
                                   "values": {"compaction_throughput": 32, "concurrent_reads": 16}}}""")
                .json().path("configuration").path("id").asString();
        Response created = call("POST", "/v1.0/ringtuner/clusters", token, """
                {"cluster": {"name": "events", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 3, "configuration": "%s"}}""".formatted(group));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String cluster = created.json().path("cluster").path("id").asString();
        assertThat(created.json().path("cluster").path("configuration").path("id").asString()).isEqualTo(group);
        assertThat(jdbc.sql("select count(*) from nodes where cluster_id = ?::uuid and configuration_id = ?::uuid")
                .param(cluster).param(group).query(Long.class).single()).isEqualTo(3);

        String path = "/v1.0/ringtuner/configurations/" + group;
        JsonNode using = call("GET", path + "/instances", token, null).json().path("instances");
        assertThat(using).hasSize(3);
        assertThat(using.path(0).path("cluster_id").asString()).isEqualTo(cluster);
        assertThat(call("GET", path, token, null).json().path("configuration").path("instance_count").asInt())
                .isEqualTo(3);
        Response inUse = call("DELETE", path, token, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.body()).contains(cluster);

        assertThat(call("PATCH", path, token, "{\"configuration\": {\"values\": {\"read_request_timeout\": 4000}}}")
                .status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from tasks where resource_id = ?::uuid"
                + " and kind = 'APPLY_CLUSTER_CONFIGURATION'").param(cluster).query(Long.class).single())
                .isEqualTo(1);
        String node = created.json().path("cluster").path("nodes").path(0).path("id").asString();
        Response running = call("GET", "/v1.0/ringtuner/clusters/" + cluster + "/nodes/" + node + "/configuration",
                token, null);
        assertThat(running.status()).as(running.body()).isEqualTo(200);
        assertThat(running.json().path("node").path("configuration").isObject()).isTrue();
    }

    @Test
    void troveClusterRestartIsOneChangeAtATime() {
        String token = tenantToken("ringrestart");
        String cluster = call("POST", "/v1.0/ringrestart/clusters", token, """
                {"cluster": {"name": "events", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 3}}""").json().path("cluster").path("id").asString();
        String path = "/v1.0/ringrestart/clusters/" + cluster;
        jdbc.sql("update clusters set task = 'NONE' where id = ?::uuid").param(cluster).update();

        assertThat(call("POST", path, token, "{\"restart\": {}}").status()).isEqualTo(202);
        assertThat(call("GET", path, token, null).json().path("cluster").path("status").asString())
                .isEqualTo("RESTARTING");
        assertThat(jdbc.sql("select count(*) from tasks where resource_id = ?::uuid and kind = 'RESTART_CLUSTER'")
                .param(cluster).query(Long.class).single()).isEqualTo(1);
        assertThat(call("POST", path + "/action", token, "{\"restart\": {}}").status()).isEqualTo(409);
    }

    @Test
    void cassandraValuesAreCheckedAgainstTheVersionsParameters() {
        String token = tenantToken("ringstrict");
        Response refused = call("POST", "/v1.0/ringstrict/configurations", token, """
                {"configuration": {"name": "bad", "datastore": {"type": "cassandra"},
                                   "values": {"cluster_name": "mine", "compaction_throughput": -1,
                                              "read_request_timeout": "soon", "concurrent_writes": 100000,
                                              "max_connections": 10}}}""");
        assertThat(refused.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("values.cluster_name", "values.compaction_throughput",
                "values.read_request_timeout", "values.concurrent_writes", "values.max_connections");

        JsonNode parameters = call("GET", "/v1.0/ringstrict/datastores/cassandra/versions/5.0/parameters", token,
                null).json().path("configuration-parameters");
        List<String> restartRequired = new ArrayList<>();
        List<String> live = new ArrayList<>();
        parameters.forEach(parameter -> {
            if (!parameter.path("read_only").asBoolean()) {
                (parameter.path("restart_required").asBoolean() ? restartRequired : live)
                        .add(parameter.path("name").asString());
            }
        });
        assertThat(live).containsExactlyInAnyOrder("compaction_throughput", "stream_throughput_outbound",
                "read_request_timeout", "write_request_timeout", "range_request_timeout");
        assertThat(restartRequired).containsExactlyInAnyOrder("concurrent_reads", "concurrent_writes");
    }
}
