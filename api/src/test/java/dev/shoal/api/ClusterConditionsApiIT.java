package dev.shoal.api;

import static dev.shoal.api.ReplicationConditionsIT.assertCondition;
import static dev.shoal.api.ReplicationConditionsIT.assertProblem;
import static dev.shoal.api.ReplicationConditionsIT.at;
import static dev.shoal.api.ReplicationConditionsIT.condition;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A cluster's endpoints and conditions by its nodes' roles, and a replication cluster's auto_failover. */
class ClusterConditionsApiIT extends ApiTestSupport {

    @Test
    void aReplicationClusterShowsItsMasterAsWriterAndItsSetsConditions() {
        String token = tenantToken("shopco");
        Response created = call("POST", "/v1.0/shopco/clusters", token, """
                {"cluster": {"name": "shop", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                             "size": 3, "auto_failover": false}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("cluster").path("auto_failover").asBoolean()).isFalse();
        String cluster = "/v1.0/shopco/clusters/" + created.json().path("cluster").path("id").asString();
        List<UUID> nodes = formed(cluster, "10.72.1.", "MASTER", "REPLICA", "REPLICA");
        Instant since = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("update service_statuses set sync_replication = false, sync_replication_since = ? where node_id = ?")
                .param(at(since)).param(nodes.get(0)).update();

        JsonNode shown = call("GET", cluster, token, null).json().path("cluster");
        assertThat(shown.path("endpoints").path("writer").asString()).isEqualTo("10.72.1.1:3306");
        assertThat(shown.path("endpoints").path("readers").valueStream().map(JsonNode::asString))
                .containsExactly("10.72.1.2:3306", "10.72.1.3:3306");
        assertCondition(shown, "MasterReachable", "True", "ReplicasReachMaster");
        assertCondition(shown, "Replicating", "False", "SemiSyncFellBack");
        assertThat(condition(shown, "Replicating").path("lastTransitionTime").asString()).isEqualTo(since.toString());
        assertCondition(shown, "AutoFailover", "False", "AutoFailoverOff");

        Response on = call("PATCH", cluster, token, "{\"cluster\": {\"auto_failover\": true}}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().path("cluster").path("auto_failover").asBoolean()).isTrue();
        assertCondition(on.json().path("cluster"), "AutoFailover", "False", "SyncReplicationOff");
        jdbc.sql("update service_statuses set sync_replication = true where node_id = ?").param(nodes.get(0)).update();
        assertCondition(call("GET", cluster, token, null).json().path("cluster"), "AutoFailover", "True", "Armed");

        // a promotion changes roles: the endpoints follow on the next read
        jdbc.sql("update nodes set role = case when id = ? then 'MASTER' else 'REPLICA' end where id in (?, ?)")
                .param(nodes.get(1)).param(nodes.get(0)).param(nodes.get(1)).update();
        assertThat(call("GET", cluster, token, null).json().path("cluster").path("endpoints").path("writer")
                .asString()).isEqualTo("10.72.1.2:3306");

        assertProblem(call("PATCH", cluster, token, "{\"cluster\": {\"auto_failover\": \"off\"}}"), 400,
                "cluster.auto_failover");
        assertProblem(call("PATCH", cluster, token, "{\"cluster\": {\"name\": \"x\"}}"), 400, "cluster.name");
        assertProblem(call("POST", "/v1.0/shopco/clusters", token, """
                {"cluster": {"name": "bad", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                             "size": 2, "auto_failover": "off"}}"""), 400, "cluster.auto_failover");
    }

    @Test
    void aRingHasNoWriterEveryNodeAsContactPointAndCountsANodeSilentPastTheGraceAsDown() {
        String token = tenantToken("ringup");
        Response created = call("POST", "/v1.0/ringup/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 3}}""");
        assertThat(created.json().path("cluster").has("auto_failover")).as("a ring has no master").isFalse();
        String cluster = "/v1.0/ringup/clusters/" + created.json().path("cluster").path("id").asString();
        List<UUID> nodes = formed(cluster, "10.73.1.", "SEED", "SEED", "MEMBER");

        JsonNode up = call("GET", cluster, token, null).json().path("cluster");
        assertThat(up.path("endpoints").has("writer")).as("every node takes writes").isFalse();
        assertThat(up.path("endpoints").path("readers").valueStream().map(JsonNode::asString))
                .containsExactly("10.73.1.1:9042", "10.73.1.2:9042", "10.73.1.3:9042");
        assertCondition(up, "NodesUp", "True", "AllNodesUp");
        assertThat(up.path("conditions")).as("a ring has no master to judge").hasSize(1);

        Instant lastHeard = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("update service_statuses set updated_at = ? where node_id = ?").param(at(lastHeard))
                .param(nodes.get(2)).update();
        JsonNode down = call("GET", cluster, token, null).json().path("cluster");
        assertCondition(down, "NodesUp", "False", "NodeDown");
        assertThat(condition(down, "NodesUp").path("message").asString()).contains("ring-3", "replace_node")
                .doesNotContain("ring-1");
        assertThat(condition(down, "NodesUp").path("lastTransitionTime").asString()).isEqualTo(lastHeard.toString());

        jdbc.sql("update service_statuses set status = 'CRASHED', last_crash = now() - interval '5 seconds',"
                + " updated_at = now() where node_id = ?").param(nodes.get(2)).update();
        assertCondition(call("GET", cluster, token, null).json().path("cluster"), "NodesUp", "True", "AllNodesUp");

        assertProblem(call("PATCH", cluster, token, "{\"cluster\": {\"auto_failover\": false}}"), 422,
                "cluster.auto_failover");
        assertProblem(call("POST", "/v1.0/ringup/clusters", token, """
                {"cluster": {"name": "ring2", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 1, "auto_failover": true}}"""), 422,
                "cluster.auto_failover");
    }

    /** What the cluster's build would have done: its nodes placed, serving, heard from now, each in its role. */
    private List<UUID> formed(String cluster, String subnet, String... roles) {
        UUID id = UUID.fromString(id(cluster));
        List<UUID> nodes = jdbc.sql("select id from nodes where cluster_id = ? order by created, name").param(id)
                .query(UUID.class).list();
        for (int i = 0; i < nodes.size(); i++) {
            jdbc.sql("update nodes set task = 'NONE', task_description = null, role = ?, ip = ? where id = ?")
                    .param(roles[i]).param(subnet + (i + 1)).param(nodes.get(i)).update();
            jdbc.sql("insert into service_statuses (node_id, status, sent_at, updated_at)"
                    + " values (?, 'RUNNING', now(), now())").param(nodes.get(i)).update();
        }
        jdbc.sql("update clusters set task = 'NONE' where id = ?").param(id).update();
        jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?").param(id).update();
        return nodes;
    }
}
