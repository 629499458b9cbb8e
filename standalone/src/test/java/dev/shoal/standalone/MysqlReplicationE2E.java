package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's MySQL replication through {@code /instances}: a master, a replica from a create request and one from
 * {@code replicate}, writes on the master read on both, detach, and a master not deleted from under its replicas.
 */
class MysqlReplicationE2E extends StandaloneE2E {

    private static final String TENANT = "replication";

    @Test
    void mastersReplicasFollowItUntilDetached() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String instances = "/v1.0/" + TENANT + "/instances";
        String master = http.send("POST", instances, token, """
                {"instance": {"name": "orders", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}}}""").json().path("instance").path("id").asString();

        Instant posted = Instant.now();
        ShoalHttp.Response slave = http.send("POST", instances, token, """
                {"instance": {"name": "orders-ro", "flavorRef": "1", "volume": {"size": 1},
                              "slave": {"of": "%s", "read_only": true}}}""".formatted(master));
        assertThat(slave.status()).as(slave.body()).isEqualTo(200);
        assertThat(slave.json().path("instance").path("slave").path("of").asString()).isEqualTo(master);
        assertThat(slave.json().path("instance").path("status").asString()).isEqualTo("BUILD");
        String replicaA = slave.json().path("instance").path("id").asString();

        ShoalHttp.Response replicated = http.send("POST", instances + "/" + master + "/action", token,
                "{\"replicate\": {\"count\": 1}}");
        assertThat(replicated.status()).as(replicated.body()).isEqualTo(202);
        String replicaB = replicated.json().path("instances").path(0).path("id").asString();

        for (String id : List.of(master, replicaA, replicaB)) {
            await("instance " + id + " ACTIVE").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> status(http, instances + "/" + id, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
            assertThat(status(http, instances + "/" + id, token)).as(http.send("GET", instances + "/" + id, token,
                    null).body()).isEqualTo("ACTIVE");
        }
        System.out.printf("replica POST to ACTIVE (master built alongside): %d ms%n",
                Duration.between(posted, Instant.now()).toMillis());
        JsonNode shownMaster = http.send("GET", instances + "/" + master, token, null).json().path("instance");
        List<String> listed = new ArrayList<>();
        shownMaster.path("slave").path("list").forEach(replica -> listed.add(replica.path("id").asString()));
        assertThat(listed).containsExactly(replicaA, replicaB);
        assertThat(shownMaster.path("replicas").path(1).path("id").asString()).as("Trove's name for the list")
                .isEqualTo(replicaB);
        assertThat(http.send("GET", instances + "/" + replicaA, token, null).json().path("instance")
                .path("replica_of").path("id").asString()).isEqualTo(master);

        String masterUrl = mysqlUrl(ip(http, instances, master, token));
        String rootPassword = http.send("POST", instances + "/" + master + "/root", token, null).json()
                .path("user").path("password").asString();
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(masterUrl, "root", rootPassword));
        createShop(masterUrl, rootPassword, 1, 2);
        String urlA = mysqlUrl(ip(http, instances, replicaA, token));
        String urlB = mysqlUrl(ip(http, instances, replicaB, token));
        for (String replicaUrl : List.of(urlA, urlB)) {
            await("rows replicated to " + replicaUrl).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> itemIds(replicaUrl), ids -> ids.equals(List.of(1, 2)));
        }
        assertThatThrownBy(() -> insertItem(urlA, 99)).as("a replica refuses writes").isInstanceOf(SQLException.class)
                .hasMessageContaining("read-only");

        ShoalHttp.Response refused = http.send("DELETE", instances + "/" + master, token, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains(replicaA, replicaB, "detach_replicas");

        assertThat(http.send("POST", instances + "/" + replicaB + "/action", token, "{\"detach\": {}}").status())
                .isEqualTo(202);
        await("replica B detached").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", instances + "/" + replicaB, token, null).json().path("instance"),
                        shown -> shown.path("slave").isMissingNode() && shown.path("status").asString().equals("ACTIVE"));
        insertItem(urlB, 3);
        insertItem(masterUrl, 4);
        await("replica A still follows").atMost(Duration.ofSeconds(30)).until(() -> itemIds(urlA),
                ids -> ids.equals(List.of(1, 2, 4)));
        assertThat(itemIds(urlB)).containsExactly(1, 2, 3);

        assertThat(http.send("DELETE", instances + "/" + master + "?detach_replicas=true", token, null).status())
                .isEqualTo(202);
        await("master gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", instances + "/" + master, token, null).status() == 404);
        await("replica A detached").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", instances + "/" + replicaA, token, null).json().path("instance")
                        .path("slave").isMissingNode());
        insertItem(urlA, 5);

        for (String id : List.of(replicaA, replicaB)) {
            assertThat(http.send("DELETE", instances + "/" + id, token, null).status()).isEqualTo(202);
        }
        for (String id : List.of(replicaA, replicaB)) {
            await("replica gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.send("GET", instances + "/" + id, token, null).status() == 404);
        }
    }

    @Test
    void replicationRequestsThatCannotBeAreRefusedClearly() {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT + "-bad");
        String instances = "/v1.0/" + TENANT + "-bad/instances";

        ShoalHttp.Response unknownMaster = http.send("POST", instances, token, """
                {"instance": {"name": "r", "flavorRef": "1", "volume": {"size": 1},
                              "slave": {"of": "00000000-0000-0000-0000-000000000001"}}}""");
        assertThat(unknownMaster.status()).isEqualTo(422);
        assertThat(unknownMaster.body()).contains("instance.slave.of");

        ShoalHttp.Response notAnId = http.send("POST", instances, token, """
                {"instance": {"name": "r", "flavorRef": "1", "volume": {"size": 1}, "slave": {"of": "orders"}}}""");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.body()).contains("instance.slave.of");

        ShoalHttp.Response unknownAction = http.send("POST",
                instances + "/00000000-0000-0000-0000-000000000001/action", token, "{\"rebuild\": {}}");
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(unknownAction.body()).contains("detach", "replicate");
    }

    private static String ip(ShoalHttp http, String instances, String id, String token) {
        return http.send("GET", instances + "/" + id, token, null).json().path("instance").path("ip").path(0)
                .asString();
    }



}
