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
        String master = http.send("POST", INSTANCES, token, """
                {"instance": {"name": "ledger", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}, "auto_failover": false}}""").json().path("instance").path("id")
                .asString();
        awaitActive(http, token, master);
        ShoalHttp.Response replicated = http.send("POST", INSTANCES + "/" + master + "/action", token,
                "{\"replicate\": {\"count\": 2}}");
        assertThat(replicated.status()).as(replicated.body()).isEqualTo(202);
        String replicaA = replicated.json().path("instances").path(0).path("id").asString();
        String replicaB = replicated.json().path("instances").path(1).path("id").asString();
        for (String id : List.of(replicaA, replicaB)) {
            awaitActive(http, token, id);
        }
        String masterUrl = url(http, token, master);
        String urlA = url(http, token, replicaA);
        String urlB = url(http, token, replicaB);
        String rootPassword = http.send("POST", INSTANCES + "/" + master + "/root", token, null).json()
                .path("user").path("password").asString();
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(masterUrl, "root", rootPassword));
        try (Connection connection = DriverManager.getConnection(masterUrl, "root", rootPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("create database shop");
            sql.execute("create table shop.items (id int primary key)");
            sql.execute("insert into shop.items values (1), (2)");
            sql.execute("create user app@'%' identified by '" + APP_PASSWORD + "'");
            sql.execute("grant all on shop.* to app@'%'");
        }
        awaitItems(List.of(urlA, urlB), List.of(1, 2));

        ShoalHttp.Response notAReplica = action(http, token, master, "promote_to_replica_source");
        assertThat(notAReplica.status()).isEqualTo(409);
        assertThat(notAReplica.json().path("code").asString()).isEqualTo("not-a-replica");

        // a candidate that cannot catch up: the promotion fails with its reason and the master writes again
        String rootA = http.send("POST", INSTANCES + "/" + replicaA + "/root", token, null).json()
                .path("user").path("password").asString();
        await("root applied on A").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(urlA, "root", rootA));
        sqlAsRoot(urlA, rootA, "stop slave sql_thread");
        insertItem(masterUrl, 3);
        cancelWhileTheCandidateCatchesUp(http, token, master, replicaA, replicaB, rootPassword);
        Instant failing = Instant.now();
        assertThat(action(http, token, replicaA, "promote_to_replica_source").status()).isEqualTo(202);
        await("the promotion fails").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, INSTANCES + "/" + replicaA, token), s -> !s.equals("PROMOTE"));
        System.out.printf("promote POST to PROMOTION_ERROR (candidate behind): %d ms%n",
                Duration.between(failing, Instant.now()).toMillis());
        JsonNode failed = shown(http, token, replicaA);
        assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("ERROR");
        assertThat(failed.path("fault").path("message").asString()).contains("did not apply");
        assertThat(replicaOf(http, token, replicaA)).as("nothing changed in the set").isEqualTo(master);
        for (String id : List.of(master, replicaB)) {
            awaitActive(http, token, id);
        }
        insertItem(masterUrl, 4);
        sqlAsRoot(urlA, rootA, "start slave");
        awaitItems(List.of(urlA, urlB), List.of(1, 2, 3, 4));

        Instant promoted = Instant.now();
        ShoalHttp.Response promote = action(http, token, replicaA, "promote_to_replica_source");
        assertThat(promote.status()).as(promote.body()).isEqualTo(202);
        assertThat(status(http, INSTANCES + "/" + master, token)).isEqualTo("PROMOTE");
        for (String id : List.of(replicaA, replicaB, master)) {
            awaitActive(http, token, id);
        }
        System.out.printf("promote POST to every member ACTIVE: %d ms%n",
                Duration.between(promoted, Instant.now()).toMillis());
        assertThat(replicasOf(http, token, replicaA)).containsExactlyInAnyOrder(replicaB, master);
        assertThat(replicaOf(http, token, master)).as("the old master follows the new one").isEqualTo(replicaA);
        assertThat(replicaOf(http, token, replicaB)).isEqualTo(replicaA);
        assertThat(replicaOf(http, token, replicaA)).isNull();
        assertThat(role(http, token, replicaA)).isEqualTo("master");
        assertThat(role(http, token, master)).isEqualTo("replica");
        assertThat(role(http, token, replicaB)).isEqualTo("replica");

        insertItem(urlA, 5);
        awaitItems(List.of(masterUrl, urlB), List.of(1, 2, 3, 4, 5));
        for (String follower : List.of(masterUrl, urlB)) {
            assertThatThrownBy(() -> insertItem(follower, 99)).as("a follower refuses writes")
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        }

        ShoalHttp.Response alive = action(http, token, replicaB, "eject_replica_source");
        assertThat(alive.status()).as(alive.body()).isEqualTo(409);
        assertThat(alive.json().path("code").asString()).isEqualTo("replica-source-alive");

        Path nodeA = nodeDirAt(ip(http, token, replicaA));
        NodeDirectories.loseHost(nodeA);
        await("the new master's processes gone").atMost(Duration.ofSeconds(20)).until(() -> processesOf(nodeA) == 0);
        await("the dead master SHUTDOWN").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, INSTANCES + "/" + replicaA, token), "SHUTDOWN"::equals);

        Instant ejected = Instant.now();
        ShoalHttp.Response eject = action(http, token, replicaB, "eject_replica_source");
        assertThat(eject.status()).as(eject.body()).isEqualTo(202);
        for (String id : List.of(replicaB, master)) {
            awaitActive(http, token, id);
        }
        System.out.printf("eject POST to every member ACTIVE: %d ms%n",
                Duration.between(ejected, Instant.now()).toMillis());
        String newMaster = replicaOf(http, token, master) == null ? master : replicaB;
        String follower = newMaster.equals(master) ? replicaB : master;
        assertThat(replicaOf(http, token, newMaster)).isNull();
        assertThat(replicaOf(http, token, follower)).isEqualTo(newMaster);
        assertThat(replicasOf(http, token, newMaster)).containsExactly(follower);
        assertThat(replicasOf(http, token, replicaA)).as("the ejected master is master of nobody").isEmpty();
        assertThat(role(http, token, replicaA)).as("the ejected master has no part in the set").isEmpty();
        assertThat(role(http, token, newMaster)).isEqualTo("master");
        assertThat(role(http, token, follower)).isEqualTo("replica");
        assertThat(http.send("GET", INSTANCES + "/" + replicaA, token, null).status())
                .as("the ejected master's instance stays").isEqualTo(200);

        String newMasterUrl = newMaster.equals(master) ? masterUrl : urlB;
        String followerUrl = newMaster.equals(master) ? urlB : masterUrl;
        insertItem(newMasterUrl, 6);
        awaitItems(List.of(followerUrl), List.of(1, 2, 3, 4, 5, 6));
        assertThatThrownBy(() -> insertItem(followerUrl, 98)).isInstanceOf(SQLException.class)
                .hasMessageContaining("read-only");
    }

    /**
     * A promotion cancelled while the candidate, its applier stopped, waits to apply the master's last transaction:
     * the master writes again, and the set is as it was.
     */
    private static void cancelWhileTheCandidateCatchesUp(ShoalHttp http, String token, String master,
                                                         String candidate, String other, String rootPassword)
            throws SQLException {
        assertThat(action(http, token, candidate, "promote_to_replica_source").status()).isEqualTo(202);
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
            awaitActive(http, token, id);
        }
        assertThat(replicaOf(http, token, candidate)).isEqualTo(master);
        String masterUrl = url(http, token, master);
        insertItem(masterUrl, 90);
        sqlAsRoot(masterUrl, rootPassword, "delete from shop.items where id = 90");
    }

    private static String role(ShoalHttp http, String token, String id) {
        return http.send("GET", INSTANCES + "/" + id, token, null).json().path("instance").path("role").asString("");
    }

    private static void sqlAsRoot(String url, String password, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static ShoalHttp.Response action(ShoalHttp http, String token, String id, String action) {
        return http.send("POST", INSTANCES + "/" + id + "/action", token, "{\"" + action + "\": {}}");
    }

    private static void awaitActive(ShoalHttp http, String token, String id) {
        String path = INSTANCES + "/" + id;
        await("instance " + id + " ACTIVE").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, path, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        assertThat(status(http, path, token)).as(http.send("GET", path, token, null).body()).isEqualTo("ACTIVE");
    }

    private static void awaitItems(List<String> urls, List<Integer> expected) {
        for (String url : urls) {
            await("rows replicated to " + url).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> itemIds(url), expected::equals);
        }
    }

    private static JsonNode shown(ShoalHttp http, String token, String id) {
        return http.send("GET", INSTANCES + "/" + id, token, null).json().path("instance");
    }

    private static String replicaOf(ShoalHttp http, String token, String id) {
        JsonNode of = shown(http, token, id).path("replica_of");
        return of.isMissingNode() || of.isNull() ? null : of.path("id").asString();
    }

    private static List<String> replicasOf(ShoalHttp http, String token, String id) {
        List<String> ids = new ArrayList<>();
        shown(http, token, id).path("replicas").forEach(replica -> ids.add(replica.path("id").asString()));
        return ids;
    }

    private static String ip(ShoalHttp http, String token, String id) {
        return shown(http, token, id).path("ip").path(0).asString();
    }

    private static String url(ShoalHttp http, String token, String id) {
        return mysqlUrl(ip(http, token, id));
    }
}
