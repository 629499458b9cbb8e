package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A MySQL cluster through {@code /clusters}: a master and two replicas reach ACTIVE, a write on the master is read on
 * every replica; a grow and a replace are cancelled, leaving the cluster as it was; a node is added, one replaced and
 * one removed, each time with the data on every node; the master and the last node cannot be removed; the master's
 * host is lost and a replica takes over by itself; delete leaves no process behind.
 */
class MysqlClusterE2E extends StandaloneE2E {

    private static final String TENANT = "mysqlcluster";

    @Test
    void masterAndReplicasServeOneDatabaseThroughEveryChange() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String clusters = "/v1.0/" + TENANT + "/clusters";

        Instant posted = Instant.now();
        ShoalHttp.Response created = http.send("POST", clusters, token, """
                {"cluster": {"name": "orders", "datastore": {"type": "mysql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 3}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String path = clusters + "/" + created.json().path("cluster").path("id").asString();
        String single = clusters + "/" + http.send("POST", clusters, token, """
                {"cluster": {"name": "lonely", "datastore": {"type": "mysql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "nodes": [{}]}}""").json().path("cluster").path("id").asString();

        JsonNode cluster = awaitClusterActive(http, path, token);
        System.out.printf("MySQL 3-node cluster POST to ACTIVE: %d ms%n",
                Duration.between(posted, Instant.now()).toMillis());
        assertThat(cluster.path("nodes")).hasSize(3);
        assertThat(cluster.path("nodes").path(0).path("name").asString()).isEqualTo("orders-1");
        String master = cluster.path("nodes").path(0).path("id").asString();
        assertThat(roles(cluster)).containsExactly("master", "replica", "replica");

        ShoalHttp.Response root = http.send("POST", path + "/root", token, null);
        assertThat(root.status()).as(root.body()).isEqualTo(200);
        String rootPassword = root.json().path("user").path("password").asString();
        String masterUrl = mysqlUrl(cluster.path("nodes").path(0).path("ip").path(0).asString());
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(masterUrl, "root", rootPassword));
        createShop(masterUrl, rootPassword, 1, 2);
        awaitDataOnEveryNode(http, path, token, List.of(1, 2));

        ShoalHttp.Response mismatch = http.send("POST", path + "/nodes", token,
                "{\"nodes\": {\"num\": 1, \"allocations\": [{}, {}]}}");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).contains("nodes.num", "nodes.allocations");

        cancelAGrow(http, path, token, nodeIds(cluster));

        assertThat(http.send("POST", path + "/nodes", token, "{\"nodes\": {\"num\": 1}}").status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(cluster.path("nodes")).hasSize(4);
        insertItem(masterUrl, 3);
        awaitDataOnEveryNode(http, path, token, List.of(1, 2, 3));

        cancelAReplace(http, path, token, nodeIds(cluster));
        cluster = awaitClusterActive(http, path, token);

        String replaced = cluster.path("nodes").path(1).path("id").asString();
        ShoalHttp.Response replace = http.send("POST", path + "/action", token,
                "{\"replace_node\": {\"id\": \"" + replaced + "\"}}");
        assertThat(replace.status()).as(replace.body()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(nodeIds(cluster)).hasSize(4).doesNotContain(replaced);
        assertThat(roles(cluster)).as("the replacement follows the master").containsExactly("master", "replica",
                "replica", "replica");
        awaitDataOnEveryNode(http, path, token, List.of(1, 2, 3));

        // one node restarts alone: its server is a new process, the others keep theirs
        JsonNode restarted = cluster.path("nodes").path(2);
        Path restartedDir = nodeDirAt(restarted.path("ip").path(0).asString());
        Set<Long> before = NodeDirectories.processesOf(restartedDir);
        Path masterDir = nodeDirAt(cluster.path("nodes").path(0).path("ip").path(0).asString());
        Set<Long> masterProcesses = NodeDirectories.processesOf(masterDir);
        assertThat(http.send("POST", path + "/nodes/" + restarted.path("id").asString() + "/action", token,
                "{\"restart\": {}}").status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(NodeDirectories.processesOf(restartedDir)).as("a new mariadbd beside the same guest")
                .isNotEqualTo(before).hasSameSizeAs(before);
        assertThat(NodeDirectories.processesOf(masterDir)).as("the master untouched").isEqualTo(masterProcesses);
        insertItem(masterUrl, 30);
        awaitDataOnEveryNode(http, path, token, List.of(1, 2, 3, 30));
        try (Connection connection = DriverManager.getConnection(masterUrl, "app", APP_PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("delete from shop.items where id = 30");
        }
        awaitDataOnEveryNode(http, path, token, List.of(1, 2, 3));

        ShoalHttp.Response masterRemoval = http.send("DELETE", path + "/nodes/" + master, token, null);
        assertThat(masterRemoval.status()).isEqualTo(409);
        assertThat(masterRemoval.body()).contains("master");
        String removed = cluster.path("nodes").path(3).path("id").asString();
        assertThat(http.send("DELETE", path + "/nodes/" + removed, token, null).status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(nodeIds(cluster)).hasSize(3).doesNotContain(removed);
        insertItem(masterUrl, 4);
        awaitDataOnEveryNode(http, path, token, List.of(1, 2, 3, 4));
        failsOverByItself(http, path, token, masterDir);

        JsonNode lonely = awaitClusterActive(http, single, token);
        ShoalHttp.Response last = http.send("DELETE", single + "/nodes/" + lonely.path("nodes").path(0).path("id")
                .asString(), token, null);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.body()).contains("last node");

        List<Path> nodeDirs = new ArrayList<>();
        for (JsonNode node : cluster.path("nodes")) {
            nodeDirs.add(nodeDirAt(node.path("ip").path(0).asString()));
        }
        for (String gone : List.of(path, single)) {
            assertThat(http.send("DELETE", gone, token, null).status()).isEqualTo(202);
        }
        for (String gone : List.of(path, single)) {
            await("cluster deleted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.send("GET", gone, token, null).status() == 404);
        }
        for (Path nodeDir : nodeDirs) {
            assertThat(processesOf(nodeDir)).as("processes of " + nodeDir).isZero();
            assertThat(nodeDir).doesNotExist();
        }
    }



    /**
     * The master's host is lost: a replica takes over by itself, the cluster's writer endpoint follows it, and it takes
     * writes the remaining replica applies.
     */
    private static void failsOverByItself(ShoalHttp http, String path, String token, Path masterDir)
            throws Exception {
        ClusterTakeover takeover = ClusterTakeover.afterLosingWriterHost(http, path, token, masterDir);
        String newMasterUrl = mysqlUrl(takeover.writerIp());
        Instant lost = takeover.lost();
        await("the new master takes writes").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            insertItem(newMasterUrl, 5);
            return true;
        });
        System.out.printf("MySQL cluster: master host lost to a write on the new master: %d ms%n",
                Duration.between(lost, Instant.now()).toMillis());
        JsonNode cluster = http.send("GET", path, token, null).json().path("cluster");
        for (JsonNode node : cluster.path("nodes")) {
            String address = node.path("ip").path(0).asString();
            if (!masterDir.equals(nodeDirAt(address))) {
                await("rows on " + address).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> itemIds(mysqlUrl(address)), List.of(1, 2, 3, 4, 5)::equals);
            }
        }
        assertThat(roles(cluster)).containsOnlyOnce("master");
    }

    /**
     * A grow cancelled as soon as it is accepted stops before its new node starts its datastore, removes the node and
     * leaves the cluster as it was. A cancel that comes only once the grow is past its point of no return is refused
     * with 409; then the grown node is removed and the grow is tried again (at most three times).
     */
    private static void cancelAGrow(ShoalHttp http, String path, String token, List<String> before) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(http.send("POST", path + "/nodes", token, "{\"nodes\": {\"num\": 1}}").status())
                    .isEqualTo(202);
            if (cancelNewest(http, path, token, "GROW_CLUSTER")) {
                assertThat(nodeIds(awaitClusterActive(http, path, token))).as("the cluster as it was")
                        .containsExactlyInAnyOrderElementsOf(before);
                return;
            }
            String grown = nodeIds(awaitClusterActive(http, path, token)).stream()
                    .filter(id -> !before.contains(id)).findFirst().orElseThrow();
            assertThat(http.send("DELETE", path + "/nodes/" + grown, token, null).status()).isEqualTo(202);
            awaitClusterActive(http, path, token);
        }
        throw new AssertionError("every grow went past its point of no return before its cancel came");
    }

    /**
     * A replace cancelled as soon as it is accepted removes the replacement; the node it was to replace, which it may
     * have stopped, serves again with every row. A cancel that comes too late is refused with 409; the replace then
     * ends and another replica's replace is tried (at most three times).
     */
    private static void cancelAReplace(ShoalHttp http, String path, String token, List<String> before) {
        List<String> nodes = before;
        for (int attempt = 1; attempt <= 3; attempt++) {
            ShoalHttp.Response replace = http.send("POST", path + "/action", token,
                    "{\"replace_node\": {\"id\": \"" + nodes.get(1) + "\"}}");
            assertThat(replace.status()).as(replace.body()).isEqualTo(202);
            if (cancelNewest(http, path, token, "REPLACE_CLUSTER_NODE")) {
                assertThat(nodeIds(awaitClusterActive(http, path, token))).as("the old node kept, no replacement")
                        .containsExactlyInAnyOrderElementsOf(nodes);
                awaitDataOnEveryNode(http, path, token, List.of(1, 2, 3));
                return;
            }
            nodes = nodeIds(awaitClusterActive(http, path, token));
        }
        throw new AssertionError("every replace went past its point of no return before its cancel came");
    }

    /**
     * Cancels the cluster's newest operation of {@code kind}.
     *
     * @return true once it is CANCELLED, having undone what it did; false when it was past its point of no return
     */
    private static boolean cancelNewest(ShoalHttp http, String path, String token, String kind) {
        String operations = path.replaceFirst("/clusters/.*", "/operations");
        String cluster = path.substring(path.lastIndexOf('/') + 1);
        String id = http.send("GET", operations + "?resource_id=" + cluster + "&kind=" + kind + "&limit=1", token,
                null).json().path("operations").path(0).path("id").asString();
        ShoalHttp.Response cancel = http.send("POST", operations + "/" + id + "/action", token, "{\"cancel\": {}}");
        if (cancel.status() != 202) {
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(409);
            assertThat(cancel.body()).contains("point of no return");
            return false;
        }
        JsonNode cancelled = await(kind + " cancelled").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", operations + "/" + id, token, null).json().path("operation"),
                        operation -> operation.path("state").asString().equals("CANCELLED"));
        List<String> steps = new ArrayList<>();
        cancelled.path("steps").forEach(step -> steps.add(step.path("name").asString() + " "
                + step.path("state").asString()));
        assertThat(steps).contains("UNDO DONE").anyMatch(step -> step.endsWith(" CANCELLED"));
        return true;
    }

    private static List<String> roles(JsonNode cluster) {
        List<String> roles = new ArrayList<>();
        cluster.path("nodes").forEach(node -> roles.add(node.path("role").asString()));
        return roles;
    }

    private static void awaitDataOnEveryNode(ShoalHttp http, String path, String token, List<Integer> expected) {
        for (JsonNode node : http.send("GET", path, token, null).json().path("cluster").path("nodes")) {
            String url = mysqlUrl(node.path("ip").path(0).asString());
            await("rows on " + node.path("name").asString()).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> itemIds(url), expected::equals);
        }
    }



}
