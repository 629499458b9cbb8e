package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** promote_to_replica_source and eject_replica_source refused with a reason, and taken by the whole set. */
class ReplicaSourceApiIT extends ApiTestSupport {

    private static final String PROMOTE = "{\"promote_to_replica_source\": {}}";
    private static final String EJECT = "{\"eject_replica_source\": {}}";


    @Test
    void onlyAReplicaOfAnIdleSetCanBePromoted() {
        String token = tenantToken("promoter");
        String instances = "/v1.0/promoter/instances";
        String master = id(call("POST", instances, token, createBody("orders")));
        String replicaA = replicaOf(instances, token, master, "orders-a");
        String replicaB = replicaOf(instances, token, master, "orders-b");

        Response notAReplica = call("POST", instances + "/" + master + "/action", token, PROMOTE);
        assertThat(notAReplica.status()).isEqualTo(409);
        assertThat(notAReplica.json().path("code").asString()).isEqualTo("not-a-replica");
        assertThat(notAReplica.json().path("conflict").path("message").asString())
                .contains("is not a replica");

        Response building = call("POST", instances + "/" + replicaA + "/action", token, PROMOTE);
        assertThat(building.status()).as(building.body()).isEqualTo(409);
        assertThat(building.json().path("code").asString()).isEqualTo("replica-set-busy");
        assertThat(building.body()).contains("BUILDING");

        settle(master, replicaA, replicaB);
        Response accepted = call("POST", instances + "/" + replicaA + "/action", token, PROMOTE);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        for (String member : List.of(master, replicaA, replicaB)) {
            assertThat(call("GET", instances + "/" + member, token, null).json().path("instance").path("status")
                    .asString()).as("every member of the set shows the promotion").isEqualTo("PROMOTE");
        }
        assertThat(call("POST", instances + "/" + replicaA + "/action", token, PROMOTE).status())
                .as("asking again changes nothing").isEqualTo(202);
        Response other = call("POST", instances + "/" + replicaB + "/action", token, PROMOTE);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asString()).isEqualTo("replica-set-busy");
        assertThat(call("DELETE", instances + "/" + replicaB, token, null).status())
                .as("no member leaves midway").isEqualTo(409);
        assertThat(call("POST", instances + "/" + master + "/action", token, "{\"replicate\": {}}").status())
                .as("no replica joins midway").isEqualTo(409);
        assertThat(jdbc.sql("select parameters from tasks where resource_id = ? and kind = 'PROMOTE_TO_REPLICA_SOURCE'")
                .param(UUID.fromString(replicaA)).query(String.class).single())
                .contains(master, replicaB).doesNotContain("\"replicas\":[\"" + replicaA);
    }

    @Test
    void aMasterWithFreshHeartbeatsIsNotEjectedAndOneThatFellSilentIs() {
        String token = tenantToken("ejector");
        String instances = "/v1.0/ejector/instances";
        String master = id(call("POST", instances, token, createBody("stock")));
        String replica = replicaOf(instances, token, master, "stock-a");
        settle(master, replica);

        Response alive = call("POST", instances + "/" + replica + "/action", token, EJECT);
        assertThat(alive.status()).as(alive.body()).isEqualTo(409);
        assertThat(alive.json().path("code").asString()).isEqualTo("replica-source-alive");
        assertThat(alive.body()).contains("ACTIVE", "promote_to_replica_source");

        jdbc.sql("update service_statuses set updated_at = now() - interval '1 hour' where node_id = ?")
                .param(nodeOf(master)).update();
        Response silentPromote = call("POST", instances + "/" + replica + "/action", token, PROMOTE);
        assertThat(silentPromote.status()).isEqualTo(409);
        assertThat(silentPromote.json().path("code").asString()).isEqualTo("replica-source-unreachable");
        assertThat(silentPromote.body()).contains("eject_replica_source");

        assertThat(call("POST", instances + "/" + replica + "/action", token, EJECT).status()).isEqualTo(202);
        assertThat(call("GET", instances + "/" + replica, token, null).json().path("instance").path("status")
                .asString()).isEqualTo("EJECT");
    }

    private String replicaOf(String instances, String token, String master, String name) {
        return id(call("POST", instances, token, """
                {"instance": {"name": "%s", "flavorRef": "1", "volume": {"size": 1}, "slave": {"of": "%s"}}}"""
                .formatted(name, master)));
    }

    private static String id(Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("instance").path("id").asString();
    }
}
