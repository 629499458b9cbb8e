package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cluster API's answers that need no node to run: what it writes, and what it refuses, with which field. */
class ClusterApiIT extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

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
        assertThat(cluster.path("task").path("name").asString()).isEqualTo("CREATE_CLUSTER");
        UUID id = UUID.fromString(cluster.path("id").asString());
        assertThat(jdbc.sql("select count(*) from nodes where cluster_id = ?").param(id).query(Long.class).single())
                .isEqualTo(3);

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
