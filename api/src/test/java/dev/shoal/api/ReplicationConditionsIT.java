package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A replication set of instances as its clients see it: where to connect, its conditions as its guests' reports make
 * them, and its auto_failover setting, changed through any member.
 */
class ReplicationConditionsIT extends ApiTestSupport {

    private static final Instant LOST = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void everyMemberShowsItsSetsMasterAsWriterAndItsReplicasAsReaders() {
        String token = tenantToken("endpoints");
        String instances = "/v1.0/endpoints/instances";
        String master = created(call("POST", instances, token, createBody("orders")));
        String replicaA = replicaOf(instances, token, master, "orders-a");
        String replicaB = replicaOf(instances, token, master, "orders-b");
        String alone = created(call("POST", instances, token, createBody("alone")));
        settle(master, replicaA, replicaB, alone);
        place(master, "10.71.1.1");
        place(replicaA, "10.71.1.2");
        place(replicaB, "10.71.1.3");
        place(alone, "10.71.1.9");

        for (String member : List.of(master, replicaA, replicaB)) {
            JsonNode endpoints = show(instances, token, member).path("endpoints");
            assertThat(endpoints.path("writer").asString()).as(member).isEqualTo("10.71.1.1:3306");
            assertThat(endpoints.path("readers").valueStream().map(JsonNode::asString))
                    .containsExactly("10.71.1.2:3306", "10.71.1.3:3306");
        }
        JsonNode standalone = show(instances, token, alone);
        assertThat(standalone.path("endpoints").path("writer").asString()).isEqualTo("10.71.1.9:3306");
        assertThat(standalone.path("endpoints").path("readers")).isEmpty();
        assertThat(standalone.has("conditions")).as("a standalone instance has no set to judge").isFalse();
        assertThat(standalone.path("auto_failover").asBoolean()).isTrue();

        JsonNode listed = call("GET", instances, token, null).json().path("instances");
        assertThat(listed.valueStream().filter(row -> row.path("id").asString().equals(replicaB)).findFirst()
                .orElseThrow().path("endpoints").path("writer").asString()).isEqualTo("10.71.1.1:3306");
    }

    @Test
    void aSemiSyncMasterWhoseReplicasReachItIsArmed() {
        String token = tenantToken("armed");
        String instances = "/v1.0/armed/instances";
        String master = created(call("POST", instances, token, createBody("stock")));
        String replica = replicaOf(instances, token, master, "stock-a");
        settle(master, replica);
        jdbc.sql("update service_statuses set sync_replication = true, sync_replication_since = ? where node_id = ?")
                .param(at(LOST)).param(nodeOf(master)).update();

        JsonNode shown = show(instances, token, replica);
        assertCondition(shown, "MasterReachable", "True", "ReplicasReachMaster");
        assertCondition(shown, "Replicating", "True", "SemiSyncOn");
        assertThat(condition(shown, "Replicating").path("lastTransitionTime").asString()).isEqualTo(LOST.toString());
        assertCondition(shown, "AutoFailover", "True", "Armed");

        jdbc.sql("update service_statuses set sync_replication = false, sync_replication_since = ? where node_id = ?")
                .param(at(LOST)).param(nodeOf(master)).update();
        JsonNode fellBack = show(instances, token, master);
        assertCondition(fellBack, "Replicating", "False", "SemiSyncFellBack");
        assertCondition(fellBack, "AutoFailover", "False", "SyncReplicationOff");
    }

    @Test
    void replicasThatCannotReachTheMasterTurnMasterReachableFalse() {
        String token = tenantToken("unreach");
        String instances = "/v1.0/unreach/instances";
        String master = created(call("POST", instances, token, createBody("ledger")));
        String replicaA = replicaOf(instances, token, master, "ledger-a");
        String replicaB = replicaOf(instances, token, master, "ledger-b");
        settle(master, replicaA, replicaB);
        jdbc.sql("update service_statuses set sync_replication = true where node_id = ?").param(nodeOf(master))
                .update();
        unreachable(replicaA);

        JsonNode minority = show(instances, token, master);
        assertCondition(minority, "MasterReachable", "False", "MinorityCannotReachMaster");
        assertThat(condition(minority, "MasterReachable").path("lastTransitionTime").asString())
                .isEqualTo(LOST.toString());
        assertCondition(minority, "AutoFailover", "True", "Armed");

        unreachable(replicaB);
        JsonNode serving = show(instances, token, master);
        assertCondition(serving, "MasterReachable", "False", "MasterServesItsGuest");

        jdbc.sql("update service_statuses set updated_at = now() - interval '1 hour' where node_id = ?")
                .param(nodeOf(master)).update();
        call("PATCH", instances + "/" + replicaA, token, "{\"instance\": {\"auto_failover\": false}}");
        JsonNode dead = show(instances, token, replicaB);
        assertCondition(dead, "MasterReachable", "False", "MasterDead");
        assertThat(condition(dead, "MasterReachable").path("message").asString()).contains("2 of 2 replicas");
        assertCondition(dead, "AutoFailover", "False", "AutoFailoverOff");
    }

    @Test
    void autoFailoverIsSetOnCreateChangedThroughAnyMemberAndRefusedWhenNotABoolean() {
        String token = tenantToken("autofo");
        String instances = "/v1.0/autofo/instances";
        Response off = call("POST", instances, token, """
                {"instance": {"name": "pay", "datastore": {"type": "mysql", "version": "10.11"}, "flavorRef": "1",
                              "volume": {"size": 1}, "auto_failover": false}}""");
        assertThat(off.json().path("instance").path("auto_failover").asBoolean()).isFalse();
        String master = created(off);
        String replica = replicaOf(instances, token, master, "pay-a");
        assertThat(show(instances, token, replica).path("auto_failover").asBoolean())
                .as("a replica takes its set's setting").isFalse();

        Response on = call("PATCH", instances + "/" + replica, token, "{\"instance\": {\"auto_failover\": true}}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().path("instance").path("auto_failover").asBoolean()).isTrue();
        assertThat(show(instances, token, master).path("auto_failover").asBoolean()).as("the set's").isTrue();
        assertThat(count("select count(*) from instances where auto_failover and (id = ?::uuid or slave_of = ?::uuid)",
                master, master)).as("written on every member").isEqualTo(2);

        assertProblem(call("PATCH", instances + "/" + master, token, "{\"instance\": {\"auto_failover\": \"no\"}}"),
                400, "instance.auto_failover");
        assertProblem(call("PATCH", instances + "/" + master, token, "{\"instance\": {\"auto_failover\": 1}}"),
                400, "instance.auto_failover");
        assertProblem(call("POST", instances, token, """
                {"instance": {"name": "x", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1},
                              "auto_failover": "no"}}"""), 400, "instance.auto_failover");
        assertProblem(call("POST", instances, token, """
                {"instance": {"name": "y", "flavorRef": "1", "volume": {"size": 1}, "slave": {"of": "%s"},
                              "auto_failover": false}}""".formatted(master)), 422, "instance.auto_failover");
        assertProblem(call("PUT", instances + "/" + master, token, "{\"instance\": {\"auto_failover\": false}}"),
                400, "instance.auto_failover");
        assertThat(show(instances, token, master).path("auto_failover").asBoolean()).as("nothing changed").isTrue();

        Response renamed = call("PATCH", instances + "/" + master, token,
                "{\"instance\": {\"name\": \"payments\", \"auto_failover\": false}}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("instance").path("name").asString()).isEqualTo("payments");
        assertThat(renamed.json().path("instance").path("auto_failover").asBoolean()).isFalse();
    }

    private void unreachable(String replica) {
        jdbc.sql("update service_statuses set master_unreachable_since = ?, updated_at = now() where node_id = ?")
                .param(at(LOST)).param(nodeOf(replica)).update();
    }

    private void place(String instance, String ip) {
        jdbc.sql("update nodes set ip = ? where instance_id = ?").param(ip).param(UUID.fromString(instance)).update();
    }

    private JsonNode show(String instances, String token, String id) {
        Response shown = call("GET", instances + "/" + id, token, null);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        return shown.json().path("instance");
    }

    static JsonNode condition(JsonNode resource, String type) {
        return resource.path("conditions").valueStream().filter(c -> c.path("type").asString().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no condition " + type + " in " + resource));
    }

    static void assertCondition(JsonNode resource, String type, String status, String reason) {
        JsonNode condition = condition(resource, type);
        assertThat(condition.path("status").asString()).as(condition.toString()).isEqualTo(status);
        assertThat(condition.path("reason").asString()).as(condition.toString()).isEqualTo(reason);
        assertThat(condition.path("message").asString()).isNotBlank();
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("field").asString()).as(response.body()).isEqualTo(field);
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String replicaOf(String instances, String token, String master, String name) {
        return created(call("POST", instances, token, """
                {"instance": {"name": "%s", "flavorRef": "1", "volume": {"size": 1}, "slave": {"of": "%s"}}}"""
                .formatted(name, master)));
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("instance").path("id").asString();
    }
}
