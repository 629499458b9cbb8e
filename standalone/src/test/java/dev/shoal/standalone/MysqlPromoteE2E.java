package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trove's promote and eject through {@code /instances} on real MariaDB: a replica takes over from a live master
 * (which becomes its replica) once a first attempt failed with its reason and undone, then the new master dies
 * and the most advanced replica takes over from it, by an operator's hand: the set does not fail over by itself.
 */
class MysqlPromoteE2E extends StandaloneE2E {

    private static final String TENANT = "promotion";
    private static final String INSTANCES = "/v1.0/" + TENANT + "/instances";

    @Test
    void aReplicaTakesOverFromALiveMasterAndAnotherFromADeadOne() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        TenantInstances instances = new TenantInstances(http, token, TENANT);
        String master = http.send("POST", INSTANCES, token, """
                {"instance": {"name": "ledger", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}, "auto_failover": false}}""").json().path("instance").path("id")
                .asString();
        instances.awaitActive(master);
        ShoalHttp.Response replicated = http.send("POST", INSTANCES + "/" + master + "/action", token,
                "{\"replicate\": {\"count\": 2}}");
        assertThat(replicated.status()).as(replicated.body()).isEqualTo(202);
        String replicaA = replicated.json().path("instances").path(0).path("id").asString();
        String replicaB = replicated.json().path("instances").path(1).path("id").asString();
        for (String id : List.of(replicaA, replicaB)) {
            instances.awaitActive(id);
        }
        String masterUrl = instances.url(master);
        String urlA = instances.url(replicaA);
        String urlB = instances.url(replicaB);
        String rootPassword = instances.enableRoot(master);
        createShop(masterUrl, rootPassword, 1, 2);
        awaitItems(List.of(urlA, urlB), List.of(1, 2));

        ShoalHttp.Response notAReplica = instances.action(master, "promote_to_replica_source");
        assertThat(notAReplica.status()).isEqualTo(409);
        assertThat(notAReplica.json().path("code").asString()).isEqualTo("not-a-replica");

        // a candidate that cannot catch up: the promotion fails with its reason and the master writes again
        String rootA = instances.enableRoot(replicaA);
        sqlAsRoot(urlA, rootA, "stop slave sql_thread");
        insertItem(masterUrl, 3);
        cancelWhileTheCandidateCatchesUp(http, token, instances, master, replicaA, replicaB, rootPassword);
        Instant failing = Instant.now();
        assertThat(instances.action(replicaA, "promote_to_replica_source").status()).isEqualTo(202);
        await("the promotion fails").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, INSTANCES + "/" + replicaA, token), s -> !s.equals("PROMOTE"));
        System.out.printf("promote POST to PROMOTION_ERROR (candidate behind): %d ms%n",
                Duration.between(failing, Instant.now()).toMillis());
        JsonNode failed = instances.shown(replicaA);
        assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("ERROR");
        assertThat(failed.path("fault").path("message").asString()).contains("did not apply");
        assertThat(instances.replicaOf(replicaA)).as("nothing changed in the set").isEqualTo(master);
        for (String id : List.of(master, replicaB)) {
            instances.awaitActive(id);
        }
        insertItem(masterUrl, 4);
        sqlAsRoot(urlA, rootA, "start slave");
        awaitItems(List.of(urlA, urlB), List.of(1, 2, 3, 4));

        Instant promoted = Instant.now();
        ShoalHttp.Response promote = instances.action(replicaA, "promote_to_replica_source");
        assertThat(promote.status()).as(promote.body()).isEqualTo(202);
        assertThat(status(http, INSTANCES + "/" + master, token)).isEqualTo("PROMOTE");
        for (String id : List.of(replicaA, replicaB, master)) {
            instances.awaitActive(id);
        }
        System.out.printf("promote POST to every member ACTIVE: %d ms%n",
                Duration.between(promoted, Instant.now()).toMillis());
        assertThat(instances.replicasOf(replicaA)).containsExactlyInAnyOrder(replicaB, master);
        assertThat(instances.replicaOf(master)).as("the old master follows the new one").isEqualTo(replicaA);
        assertThat(instances.replicaOf(replicaB)).isEqualTo(replicaA);
        assertThat(instances.replicaOf(replicaA)).isNull();
        assertThat(instances.role(replicaA)).isEqualTo("master");
        assertThat(instances.role(master)).isEqualTo("replica");
        assertThat(instances.role(replicaB)).isEqualTo("replica");

        insertItem(urlA, 5);
        awaitItems(List.of(masterUrl, urlB), List.of(1, 2, 3, 4, 5));
        for (String follower : List.of(masterUrl, urlB)) {
            assertThatThrownBy(() -> insertItem(follower, 99)).as("a follower refuses writes")
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        }

        ShoalHttp.Response alive = instances.action(replicaB, "eject_replica_source");
        assertThat(alive.status()).as(alive.body()).isEqualTo(409);
        assertThat(alive.json().path("code").asString()).isEqualTo("replica-source-alive");

        Path nodeA = nodeDirAt(instances.ip(replicaA));
        NodeDirectories.loseHost(nodeA);
        await("the new master's processes gone").atMost(Duration.ofSeconds(20)).until(() -> processesOf(nodeA) == 0);
        await("the dead master SHUTDOWN").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, INSTANCES + "/" + replicaA, token), "SHUTDOWN"::equals);

        Instant ejected = Instant.now();
        ShoalHttp.Response eject = instances.action(replicaB, "eject_replica_source");
        assertThat(eject.status()).as(eject.body()).isEqualTo(202);
        for (String id : List.of(replicaB, master)) {
            instances.awaitActive(id);
        }
        System.out.printf("eject POST to every member ACTIVE: %d ms%n",
                Duration.between(ejected, Instant.now()).toMillis());
        String newMaster = instances.replicaOf(master) == null ? master : replicaB;
        String follower = newMaster.equals(master) ? replicaB : master;
        assertThat(instances.replicaOf(newMaster)).isNull();
        assertThat(instances.replicaOf(follower)).isEqualTo(newMaster);
        assertThat(instances.replicasOf(newMaster)).containsExactly(follower);
        assertThat(instances.replicasOf(replicaA)).as("the ejected master is master of nobody").isEmpty();
        assertThat(instances.role(replicaA)).as("the ejected master has no part in the set").isEmpty();
        assertThat(instances.role(newMaster)).isEqualTo("master");
        assertThat(instances.role(follower)).isEqualTo("replica");
        assertThat(http.send("GET", INSTANCES + "/" + replicaA, token, null).status())
                .as("the ejected master's instance stays").isEqualTo(200);

        String newMasterUrl = newMaster.equals(master) ? masterUrl : urlB;
        String followerUrl = newMaster.equals(master) ? urlB : masterUrl;
        insertItem(newMasterUrl, 6);
        awaitItems(List.of(followerUrl), List.of(1, 2, 3, 4, 5, 6));
        assertThatThrownBy(() -> insertItem(followerUrl, 98)).isInstanceOf(SQLException.class)
                .hasMessageContaining("read-only");

        instances.deleteInOrder(List.of(follower, replicaA, newMaster));
        assertThat(nodeA).as("the lost host's node, its firewall with it").doesNotExist();
    }

    /**
     * A promotion cancelled while the candidate, its applier stopped, waits to apply the master's last transaction:
     * the master writes again, and the set is as it was.
     */
    private static void cancelWhileTheCandidateCatchesUp(ShoalHttp http, String token, TenantInstances instances,
                                                         String master, String candidate, String other,
                                                         String rootPassword)
            throws SQLException {
        assertThat(instances.action(candidate, "promote_to_replica_source").status()).isEqualTo(202);
        String operations = "/v1.0/" + TENANT + "/operations";
        String promotion = http.send("GET", operations + "?resource_id=" + candidate
                + "&kind=PROMOTE_TO_REPLICA_SOURCE&limit=1", token, null).json().path("operations").path(0)
                .path("id").asString();
        ShoalHttp.Response cancel = http.send("POST", operations + "/" + promotion + "/action", token,
                "{\"cancel\": {}}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        JsonNode cancelled = await("the promotion cancelled").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", operations + "/" + promotion, token, null).json().path("operation"),
                        operation -> operation.path("state").asString().equals("CANCELLED"));
        List<String> steps = new ArrayList<>();
        cancelled.path("steps").forEach(step -> steps.add(step.path("name").asString() + " "
                + step.path("state").asString()));
        assertThat(steps).contains("UNDO DONE").doesNotContain("ENABLE_AS_MASTER DONE")
                .anyMatch(step -> step.endsWith(" CANCELLED"));
        for (String id : List.of(master, candidate, other)) {
            instances.awaitActive(id);
        }
        assertThat(instances.replicaOf(candidate)).isEqualTo(master);
        String masterUrl = instances.url(master);
        insertItem(masterUrl, 90);
        sqlAsRoot(masterUrl, rootPassword, "delete from shop.items where id = 90");
    }

    private static void sqlAsRoot(String url, String password, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static void awaitItems(List<String> urls, List<Integer> expected) {
        for (String url : urls) {
            await("rows replicated to " + url).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> itemIds(url), expected::equals);
        }
    }

}
