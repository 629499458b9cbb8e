package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cluster API's answers that need no node to run: what it writes, and what it refuses, with which field. */
class ClusterApiIT extends ApiTestSupport {


    @Test
    void createAnswersBuildWithEveryNodeAndWritesClusterNodesAndTaskAtOnce() {
        String token = tenantToken("ringco");

        Response created = call("POST", "/v1.0/ringco/clusters", token, """
                {"cluster": {"name": "products", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 3,
                             "nodes": [{"region": "west"}, {"region": "east"}, {"region": "eu"}]}}""");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var cluster = created.json().path("cluster");
        assertThat(cluster.path("status").asString()).isEqualTo("BUILD");
        assertThat(cluster.path("size").asInt()).isEqualTo(3);
        assertThat(cluster.path("nodes")).hasSize(3);
        assertThat(cluster.path("nodes").path(1).path("region").asString()).isEqualTo("east");
        assertThat(cluster.path("nodes").path(0).path("name").asString()).isEqualTo("products-1");
        assertThat(cluster.path("task").path("name").asString()).as("Trove's task_name").isEqualTo("BUILDING");
        UUID id = UUID.fromString(cluster.path("id").asString());
        assertThat(jdbc.sql("select count(*) from nodes where cluster_id = ?").param(id).query(Long.class).single())
                .isEqualTo(3);
        UUID build = jdbc.sql("select id from tasks where resource_id = ? and kind = 'CREATE_CLUSTER'").param(id)
                .query(UUID.class).single();
        assertThat(created.header("Operation-Location")).endsWith("/v1.0/ringco/operations/" + build);
        assertThat(cluster.path("task").path("operation_id").asString()).isEqualTo(build.toString());

        Response shown = call("GET", "/v1.0/ringco/clusters/" + id, token, null);
        assertThat(shown.json().path("cluster").path("nodes").path(2).path("status").asString()).isEqualTo("BUILD");
        String nodeId = shown.json().path("cluster").path("nodes").path(2).path("id").asString();
        assertThat(call("GET", "/v1.0/ringco/clusters/" + id + "/nodes/" + nodeId, token, null).json()
                .path("node").path("region").asString()).isEqualTo("eu");
        assertThat(call("GET", "/v1.0/ringco/clusters", token, null).json().path("clusters")).hasSize(1);
        assertThat(call("DELETE", "/v1.0/ringco/clusters/" + id + "/nodes/" + nodeId, token, null).status())
                .as("one change at a time").isEqualTo(409);
        assertThat(call("POST", "/v1.0/ringco/clusters/" + id + "/nodes", token,
                "{\"nodes\": {\"num\": 1}}").status()).isEqualTo(409);
    }

    @Test
    void trovesInstancesFormIsTheSameCluster() {
        String token = tenantToken("troveform");
        Response created = call("POST", "/v1.0/troveform/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra", "version": "5.0"},
                             "instances": [{"flavorRef": "2", "volume": {"size": 1}, "nics": []},
                                           {"flavorRef": "2", "volume": {"size": 1}, "region_name": "east"}],
                             "locality": null}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var cluster = created.json().path("cluster");
        assertThat(cluster.path("flavor").path("id").asString()).isEqualTo("2");
        assertThat(cluster.path("instances")).hasSize(2);
        assertThat(cluster.path("instances").path(1).path("region").asString()).isEqualTo("east");
        assertThat(cluster.path("nodes").path(0).path("id")).isEqualTo(cluster.path("instances").path(0).path("id"));

        String path = "/v1.0/troveform/clusters/" + cluster.path("id").asString();
        assertThat(call("POST", path, token, "{\"grow\": [{\"flavorRef\": \"2\", \"volume\": {\"size\": 1}}]}")
                .status()).as("one change at a time, whichever form asks").isEqualTo(409);
        assertThat(call("POST", path, token, "{\"resize\": {}}").status()).isEqualTo(400);

        Response mixed = call("POST", "/v1.0/troveform/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"},
                             "instances": [{"flavorRef": "2", "volume": {"size": 1}},
                                           {"flavorRef": "3", "volume": {"size": 1}}]}}""");
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.body()).contains("cluster.instances[1]");
    }

    @Test
    void clusterNodesAreInstancesToTroveClientsAndRefuseWhatTheirCapabilitiesKeepFromClusters() {
        String token = tenantToken("nodeview");
        String alone = call("POST", "/v1.0/nodeview/instances", token, createBody("alone")).json().path("instance")
                .path("id").asString();
        var cluster = call("POST", "/v1.0/nodeview/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 2}}""").json().path("cluster");
        String clusterId = cluster.path("id").asString();
        String nodeId = cluster.path("instances").path(1).path("id").asString();

        Response shown = call("GET", "/v1.0/nodeview/instances/" + nodeId, token, null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().path("instance").path("cluster_id").asString()).isEqualTo(clusterId);
        assertThat(shown.json().path("instance").path("name").asString()).isEqualTo("ring-2");
        assertThat(shown.json().path("instance").path("datastore").path("type").asString()).isEqualTo("cassandra");

        assertThat(call("GET", "/v1.0/nodeview/instances", token, null).json().path("instances")).hasSize(1);
        Response all = call("GET", "/v1.0/nodeview/instances?include_clustered=true&limit=2", token, null);
        assertThat(all.json().path("instances")).hasSize(2);
        assertThat(all.json().path("instances").path(0).path("id").asString()).isEqualTo(alone);
        String next = all.json().path("links").path(0).path("href").asString();
        Response rest = call("GET", next.substring(next.indexOf("/v1.0")), token, null);
        assertThat(rest.json().path("instances")).hasSize(1);
        assertThat(rest.json().path("instances").path(0).path("id").asString()).isEqualTo(nodeId);

        Response attach = call("PUT", "/v1.0/nodeview/instances/" + nodeId, token,
                "{\"instance\": {\"configuration\": null}}");
        assertThat(attach.status()).isEqualTo(422);
        assertThat(attach.json().path("field").asString()).isEqualTo("capability");
        assertThat(attach.json().path("message").asString()).contains("configuration-detach", "clusters");
        Response root = call("POST", "/v1.0/nodeview/instances/" + nodeId + "/root", token, null);
        assertThat(root.status()).isEqualTo(422);
        assertThat(root.json().path("message").asString()).contains("root-enable");
        Response delete = call("DELETE", "/v1.0/nodeview/instances/" + nodeId, token, null);
        assertThat(delete.status()).isEqualTo(422);
        assertThat(delete.json().path("message").asString()).contains("/clusters/" + clusterId);
    }

    @Test
    void everyClusterNodeHasItsOwnReadOnlyGroupWithItsClustersSettingsMergedWithTheTenantsGroup() {
        String token = tenantToken("ownco");
        String ring = call("POST", "/v1.0/ownco/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 1}}""").json().path("cluster").path("id").asString();
        String node = call("GET", "/v1.0/ownco/clusters/" + ring, token, null).json().path("cluster").path("nodes")
                .path(0).path("id").asString();
        String own = call("GET", "/v1.0/ownco/instances/" + node, token, null).json().path("instance")
                .path("configuration").path("id").asString();
        var group = call("GET", "/v1.0/ownco/configurations/" + own, token, null).json().path("configuration");
        assertThat(group.path("values").path("cluster_name").asString()).isEqualTo("shoal-" + ring);
        assertThat(group.path("values").path("num_tokens").isIntegralNumber()).isTrue();
        assertThat(group.path("values").has("seed_provider")).as("hidden").isFalse();
        assertThat(group.path("instance_count").asInt()).isEqualTo(1);
        assertThat(call("GET", "/v1.0/ownco/configurations/" + own + "/instances", token, null).json()
                .path("instances").path(0).path("id").asString()).isEqualTo(node);
        assertThat(call("PATCH", "/v1.0/ownco/configurations/" + own, token,
                "{\"configuration\": {\"values\": {}}}").status()).isEqualTo(409);
        assertThat(call("DELETE", "/v1.0/ownco/configurations/" + own, token, null).status()).isEqualTo(409);

        // Trove's clients pass a cluster's configuration as the user typed it: a name is one group's name
        call("POST", "/v1.0/ownco/configurations", token, """
                {"configuration": {"name": "tuned", "datastore": {"type": "mysql"},
                                   "values": {"max_connections": 200}}}""");
        String replicated = call("POST", "/v1.0/ownco/clusters", token, """
                {"cluster": {"name": "shop", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                             "size": 2, "configuration": "tuned"}}""").json().path("cluster")
                .path("id").asString();
        String member = call("GET", "/v1.0/ownco/clusters/" + replicated, token, null).json().path("cluster")
                .path("nodes").path(1).path("id").asString();
        String memberGroup = call("GET", "/v1.0/ownco/instances/" + member, token, null).json().path("instance")
                .path("configuration").path("id").asString();
        var merged = call("GET", "/v1.0/ownco/configurations/" + memberGroup, token, null).json()
                .path("configuration").path("values");
        assertThat(merged.path("max_connections").asInt()).isEqualTo(200);
        assertThat(merged.path("log_bin").asBoolean()).isTrue();
        assertThat(call("GET", "/v1.0/ownco/configurations", token, null).json().path("configurations"))
                .as("the tenant's group and three nodes' own").hasSize(4);
    }

    @Test
    void resetStatusClearsAFailureButNeverARunningTask() {
        String token = tenantToken("resetco");
        String id = call("POST", "/v1.0/resetco/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 1}}""").json().path("cluster").path("id").asString();
        String path = "/v1.0/resetco/clusters/" + id;

        Response running = call("POST", path, token, "{\"reset-status\": {}}");
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.json().path("message").asString()).contains("CREATE_CLUSTER", "running");

        jdbc.sql("update tasks set state = 'FAILED', error = 'no compute' where resource_id = ?")
                .param(UUID.fromString(id)).update();
        jdbc.sql("update clusters set task = 'NONE', fault = 'no compute' where id = ?").param(UUID.fromString(id))
                .update();
        jdbc.sql("update nodes set task = 'BUILDING_ERROR_SERVER' where cluster_id = ?").param(UUID.fromString(id))
                .update();
        assertThat(call("GET", path, token, null).json().path("cluster").path("status").asString()).isEqualTo("ERROR");

        Response reset = call("POST", path, token, "{\"reset-status\": {}}");
        assertThat(reset.status()).isEqualTo(202);
        var cluster = reset.json().path("cluster");
        assertThat(cluster.path("fault").isMissingNode()).isTrue();
        assertThat(cluster.path("task").path("name").asString()).isEqualTo("NONE");
        assertThat(cluster.path("status").asString()).as("what the nodes report: none has run").isEqualTo("DEGRADED");
        assertThat(cluster.path("nodes").path(0).path("status").asString()).isNotEqualTo("ERROR");
    }

    @Test
    void oneNodeRestartsAloneThroughItsClusterOrAsAnInstance() {
        String token = tenantToken("noderestart");
        var cluster = call("POST", "/v1.0/noderestart/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 2}}""").json().path("cluster");
        UUID clusterId = UUID.fromString(cluster.path("id").asString());
        String nodeId = cluster.path("instances").path(1).path("id").asString();
        String action = "/v1.0/noderestart/clusters/" + clusterId + "/nodes/" + nodeId + "/action";

        assertThat(call("POST", action, token, "{\"restart\": {}}").status()).as("the cluster is being built")
                .isEqualTo(409);
        jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?").param(clusterId).update();
        jdbc.sql("update clusters set task = 'NONE' where id = ?").param(clusterId).update();
        assertThat(call("POST", action, token, "{}").status()).isEqualTo(400);
        assertThat(call("POST", "/v1.0/noderestart/clusters/" + clusterId + "/nodes/" + UUID.randomUUID()
                + "/action", token, "{\"restart\": {}}").status()).isEqualTo(404);

        assertThat(call("POST", action, token, "{\"restart\": {}}").status()).isEqualTo(202);
        assertThat(jdbc.sql("select parameters from tasks where resource_id = ? and kind = 'RESTART_CLUSTER'")
                .param(clusterId).query(String.class).single()).as("that node only").contains(nodeId)
                .doesNotContain(cluster.path("instances").path(0).path("id").asString());
        assertThat(jdbc.sql("select task || ': ' || task_description from clusters where id = ?").param(clusterId)
                .query(String.class).single()).isEqualTo("RESTARTING: Restarting node ring-2");

        jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?").param(clusterId).update();
        jdbc.sql("update clusters set task = 'NONE' where id = ?").param(clusterId).update();
        assertThat(call("POST", "/v1.0/noderestart/instances/" + nodeId + "/action", token, "{\"restart\": {}}")
                .status()).as("Trove's clients restart a cluster's node as an instance").isEqualTo(202);
        assertThat(jdbc.sql("select count(*) from tasks where resource_id = ? and kind = 'RESTART_CLUSTER'")
                .param(clusterId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void sizeAndNodesThatDisagreeAre422NamingBoth() {
        String token = tenantToken("mismatch");
        Response refused = call("POST", "/v1.0/mismatch/clusters", token, """
                {"cluster": {"name": "c", "datastore": {"type": "cassandra"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 2, "nodes": [{"region": "west"}]}}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("cluster.size", "cluster.nodes");
        assertThat(countClusters("mismatch")).isZero();
    }

    @Test
    void unknownRegionsAndArbitersOutsideMongodbAre422NamingTheNode() {
        String token = tenantToken("placement");
        Response region = call("POST", "/v1.0/placement/clusters", token, """
                {"cluster": {"name": "c", "datastore": {"type": "cassandra"}, "flavorRef": "1",
                             "volume": {"size": 1}, "nodes": [{"region": "west"}, {"region": "mars"}]}}""");
        assertThat(region.status()).isEqualTo(422);
        assertThat(region.body()).contains("cluster.nodes[1].region", "mars");

        Response arbiter = call("POST", "/v1.0/placement/clusters", token, """
                {"cluster": {"name": "c", "datastore": {"type": "cassandra"}, "flavorRef": "1", "volume": {"size": 1},
                             "nodes": [{"region": "west"}, {"region": "west", "type": "arbiter"}]}}""");
        assertThat(arbiter.status()).isEqualTo(422);
        assertThat(arbiter.body()).contains("cluster.nodes[1].type", "arbiter");

        Response onlyArbiters = call("POST", "/v1.0/placement/clusters", token, """
                {"cluster": {"name": "c", "datastore": {"type": "mongodb"}, "flavorRef": "1", "volume": {"size": 1},
                             "nodes": [{"type": "arbiter"}]}}""");
        assertThat(onlyArbiters.status()).isEqualTo(422);

        Response twoArbiters = call("POST", "/v1.0/placement/clusters", token, """
                {"cluster": {"name": "c", "datastore": {"type": "mongodb"}, "flavorRef": "1", "volume": {"size": 1},
                             "nodes": [{}, {}, {"type": "arbiter"}, {"type": "arbiter"}]}}""");
        assertThat(twoArbiters.status()).isEqualTo(422);
        assertThat(twoArbiters.body()).contains("at most one arbiter");
        assertThat(countClusters("placement")).isZero();
    }

    @Test
    void malformedClusterBodiesAre400NamingEveryField() {
        String token = tenantToken("badcluster");
        Response refused = call("POST", "/v1.0/badcluster/clusters", token, "{\"cluster\": {\"volume\": {}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("cluster.name", "cluster.datastore.type", "cluster.flavorRef",
                "cluster.volume.size", "cluster.size");
        Response unknownDatastore = call("POST", "/v1.0/badcluster/clusters", token, """
                {"cluster": {"name": "c", "datastore": {"type": "oracle"}, "flavorRef": "1", "volume": {"size": 1},
                             "size": 1}}""");
        assertThat(unknownDatastore.status()).isEqualTo(422);
        assertThat(unknownDatastore.body()).contains("cluster.datastore.type");
        assertThat(call("POST", "/v1.0/badcluster/clusters/" + UUID.randomUUID() + "/action", token,
                "{\"shrink\": {}}").status()).isEqualTo(400);
        assertThat(call("GET", "/v1.0/badcluster/clusters/" + UUID.randomUUID(), token, null).status()).isEqualTo(404);
    }

    private long countClusters(String tenant) {
        return jdbc.sql("select count(*) from clusters where tenant_id = ?").param(tenant).query(Long.class).single();
    }
}
