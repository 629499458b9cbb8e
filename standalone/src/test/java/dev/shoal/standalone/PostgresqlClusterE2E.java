package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A PostgreSQL cluster through {@code /clusters}: a primary and two hot standbys reach ACTIVE, a write on the primary
 * is read on both standbys and a standby refuses its own; a node is added, one replaced and one removed, each time
 * with the data on every node; the primary cannot be removed; the primary's host is lost and a standby takes over by
 * itself, and the old primary, back, rejoins as a standby; delete leaves no process or directory behind.
 */
class PostgresqlClusterE2E extends StandaloneE2E {

    private static final String TENANT = "pgcluster";

    @Test
    void aPrimaryAndHotStandbysServeOneDatabaseThroughEveryChange() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String path = create(http, token);

        Instant posted = Instant.now();
        JsonNode cluster = awaitClusterActive(http, path, token);
        System.out.printf("PostgreSQL 3-node cluster POST to ACTIVE: %d ms%n",
                Duration.between(posted, Instant.now()).toMillis());
        assertThat(roles(cluster)).containsExactly("master", "replica", "replica");
        String primary = cluster.path("nodes").path(0).path("id").asString();
        String primaryIp = ip(cluster.path("nodes").path(0));

        ShoalHttp.Response root = http.send("POST", path + "/root", token, null);
        assertThat(root.status()).as(root.body()).isEqualTo(200);
        String rootPassword = root.json().path("user").path("password").asString();
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> PostgresqlShop.canConnect(primaryIp, rootPassword));
        PostgresqlShop.create(primaryIp, rootPassword, 1, 2);
        awaitRowsOnEveryNode(http, path, token, List.of(1, 2));
        String standbyIp = ip(cluster.path("nodes").path(1));
        assertThatThrownBy(() -> PostgresqlShop.insert(standbyIp, 99)).as("a standby refuses writes")
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");

        assertThat(http.send("POST", path + "/nodes", token, "{\"nodes\": {\"num\": 1}}").status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(roles(cluster)).containsExactly("master", "replica", "replica", "replica");
        PostgresqlShop.insert(primaryIp, 3);
        awaitRowsOnEveryNode(http, path, token, List.of(1, 2, 3));

        String replaced = cluster.path("nodes").path(1).path("id").asString();
        ShoalHttp.Response replace = http.send("POST", path + "/action", token,
                "{\"replace_node\": {\"id\": \"" + replaced + "\"}}");
        assertThat(replace.status()).as(replace.body()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(nodeIds(cluster)).hasSize(4).doesNotContain(replaced);
        assertThat(roles(cluster)).as("the replacement follows the primary").containsOnlyOnce("master");
        PostgresqlShop.insert(primaryIp, 4);
        awaitRowsOnEveryNode(http, path, token, List.of(1, 2, 3, 4));

        ShoalHttp.Response primaryRemoval = http.send("DELETE", path + "/nodes/" + primary, token, null);
        assertThat(primaryRemoval.status()).as(primaryRemoval.body()).isEqualTo(409);
        assertThat(primaryRemoval.body()).contains("master");
        String removed = cluster.path("nodes").path(3).path("id").asString();
        Path removedDir = nodeDirAt(ip(cluster.path("nodes").path(3)));
        assertThat(http.send("DELETE", path + "/nodes/" + removed, token, null).status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(nodeIds(cluster)).hasSize(3).doesNotContain(removed);
        assertThat(processesOf(removedDir)).as("processes of the removed node").isZero();
        PostgresqlShop.insert(primaryIp, 5);
        awaitRowsOnEveryNode(http, path, token, List.of(1, 2, 3, 4, 5));
        failsOverByItselfAndTheOldPrimaryRejoins(http, path, token, primary, nodeDirAt(primaryIp));

        cluster = http.send("GET", path, token, null).json().path("cluster");
        List<Path> nodeDirs = new ArrayList<>();
        for (JsonNode node : cluster.path("nodes")) {
            nodeDirs.add(nodeDirAt(ip(node)));
        }
        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("cluster deleted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
        for (Path nodeDir : nodeDirs) {
            assertThat(processesOf(nodeDir)).as("processes of " + nodeDir).isZero();
            assertThat(nodeDir).doesNotExist();
        }
    }

    /**
     * The primary's host is lost: a standby takes over by itself and the writer endpoint follows it; the old primary's
     * host comes back and it rejoins as a standby of the new primary, its forked WAL discarded.
     */
    private static void failsOverByItselfAndTheOldPrimaryRejoins(ShoalHttp http, String path, String token,
                                                                 String primary, Path primaryDir) throws Exception {
        ClusterTakeover takeover = ClusterTakeover.afterLosingWriterHost(http, path, token, primaryDir);
        String newPrimaryIp = takeover.writerIp();
        Instant lost = takeover.lost();
        await("the new primary takes writes").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            PostgresqlShop.insert(newPrimaryIp, 6);
            return true;
        });
        System.out.printf("PostgreSQL cluster: primary host lost to a write on the new primary: %d ms%n",
                Duration.between(lost, Instant.now()).toMillis());

        Instant back = Instant.now();
        NodeDirectories.hostBack(primaryDir);
        await("the old primary rejoins as a standby").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).json().path("cluster"), shown -> {
                    for (JsonNode node : shown.path("nodes")) {
                        if (node.path("id").asString().equals(primary)) {
                            return "replica".equals(node.path("role").asString(""))
                                    && "ACTIVE".equals(node.path("status").asString());
                        }
                    }
                    return false;
                });
        System.out.printf("PostgreSQL cluster: old primary's host back to a standby: %d ms%n",
                Duration.between(back, Instant.now()).toMillis());
        JsonNode cluster = awaitClusterActive(http, path, token);
        assertThat(roles(cluster)).containsOnlyOnce("master");
        PostgresqlShop.insert(newPrimaryIp, 7);
        awaitRowsOnEveryNode(http, path, token, List.of(1, 2, 3, 4, 5, 6, 7));
    }

    private static String create(ShoalHttp http, String token) {
        String clusters = "/v1.0/" + TENANT + "/clusters";
        ShoalHttp.Response created = http.send("POST", clusters, token, """
                {"cluster": {"name": "ledger", "datastore": {"type": "postgresql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 3}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return clusters + "/" + created.json().path("cluster").path("id").asString();
    }

    private static void awaitRowsOnEveryNode(ShoalHttp http, String path, String token, List<Integer> expected) {
        for (JsonNode node : http.send("GET", path, token, null).json().path("cluster").path("nodes")) {
            String ip = ip(node);
            await("rows on " + node.path("name").asString()).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> PostgresqlShop.ids(ip), expected::equals);
        }
    }

    private static String ip(JsonNode node) {
        return node.path("ip").path(0).asString();
    }

    private static List<String> roles(JsonNode cluster) {
        List<String> roles = new ArrayList<>();
        cluster.path("nodes").forEach(node -> roles.add(node.path("role").asString()));
        return roles;
    }
}
