package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Cassandra ring through {@code /clusters} on real Cassandra servers: three nodes reach ACTIVE and serve a write
 * through one node read through another at replication factor 3; a node is added, one replaced, one removed, and
 * each time the ring agrees (the cluster is ACTIVE only then) and the data is whole.
 */
class CassandraClusterE2E extends StandaloneE2E {

    private static final String TENANT = "ring";

    @Test
    void aRingServesReplicatedDataThroughGrowthReplacementAndRemoval() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String clusters = "/v1.0/" + TENANT + "/clusters";

        Instant posted = Instant.now();
        ShoalHttp.Response created = http.send("POST", clusters, token, """
                {"cluster": {"name": "events", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                             "volume": {"size": 1}, "size": 3}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String path = clusters + "/" + created.json().path("cluster").path("id").asString();
        JsonNode cluster = awaitClusterActive(http, path, token);
        System.out.printf("Cassandra 3-node cluster POST to ACTIVE: %d ms%n",
                Duration.between(posted, Instant.now()).toMillis());
        List<String> roles = new ArrayList<>();
        cluster.path("nodes").forEach(node -> roles.add(node.path("role").asString()));
        assertThat(roles).as("one region: its oldest node seeds the ring").containsExactly("seed", "member", "member");

        try (CqlSession first = session(ip(cluster, 0))) {
            first.execute("create keyspace shop with replication = {'class': 'NetworkTopologyStrategy', 'local': 3}");
            first.execute("create table shop.items (id int primary key, name text)");
            first.execute(all("insert into shop.items (id, name) values (1, 'anchor')"));
        }
        assertReadable(ip(cluster, 2));
        serverKilledComesBackWithItsIdentity(http, token, path, cluster);

        assertThat(http.send("POST", path + "/nodes", token, "{\"nodes\": {\"num\": 1}}").status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(cluster.path("nodes")).hasSize(4);
        assertReadable(ip(cluster, 3));

        String replaced = cluster.path("nodes").path(1).path("id").asString();
        assertThat(http.send("POST", path + "/action", token, "{\"replace_node\": {\"id\": \"" + replaced + "\"}}")
                .status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(nodeIds(cluster)).hasSize(4).doesNotContain(replaced);
        assertReadable(ip(cluster, 3));

        String removed = cluster.path("nodes").path(2).path("id").asString();
        assertThat(http.send("DELETE", path + "/nodes/" + removed, token, null).status()).isEqualTo(202);
        cluster = awaitClusterActive(http, path, token);
        assertThat(nodeIds(cluster)).hasSize(3).doesNotContain(removed);
        assertReadable(ip(cluster, 0));

        ShoalHttp.Response belowReplication = http.send("DELETE", path + "/nodes/" + nodeIds(cluster).get(0), token,
                null);
        assertThat(belowReplication.status()).isEqualTo(409);
        assertThat(belowReplication.body()).contains("replication factor");

        List<Path> nodeDirs = new ArrayList<>();
        for (JsonNode node : cluster.path("nodes")) {
            nodeDirs.add(nodeDirAt(node.path("ip").path(0).asString()));
        }
        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("cluster deleted").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send("GET", path, token, null).status() == 404);
        for (Path nodeDir : nodeDirs) {
            assertThat(processesOf(nodeDir)).as("processes of " + nodeDir).isZero();
            assertThat(nodeDir).doesNotExist();
        }
    }

    /**
     * A node's Cassandra killed: its guest starts it again as the same ring member (the same host id), and every
     * replica answers at ALL again.
     */
    private static void serverKilledComesBackWithItsIdentity(ShoalHttp http, String token, String path,
                                                             JsonNode cluster) throws Exception {
        String ip = ip(cluster, 1);
        UUID hostId = hostId(ip);
        Path nodeDir = nodeDirAt(ip);
        long guest = Long.parseLong(Files.readString(nodeDir.resolve("guest.pid")).trim());
        Instant killed = Instant.now();
        NodeDirectories.processesOf(nodeDir).stream().filter(pid -> pid != guest)
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        await("the node started again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).json().path("cluster").path("nodes").path(1)
                        .path("restarts").asInt(0) == 1);
        await("every replica answers at ALL").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().untilAsserted(() -> assertReadable(ip(cluster, 2)));
        System.out.printf("Cassandra killed to every replica answering at ALL: %d ms%n",
                Duration.between(killed, Instant.now()).toMillis());
        // its replicas answer through the others before its own native transport is up again
        UUID again = await("the node answers its clients").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> hostId(ip), Objects::nonNull);
        assertThat(again).as("the same ring member").isEqualTo(hostId);
        awaitClusterActive(http, path, token);
    }

    private static UUID hostId(String ip) {
        try (CqlSession session = session(ip)) {
            return session.getMetadata().findNode(new InetSocketAddress(ip, 9042)).orElseThrow().getHostId();
        }
    }

    /** At consistency ALL every replica must answer: the row is whole on the ring, not only on one node. */
    private static void assertReadable(String ip) {
        try (CqlSession session = session(ip)) {
            Row row = session.execute(all("select name from shop.items where id = 1")).one();
            assertThat(row).as("row read through " + ip).isNotNull();
            assertThat(row.getString("name")).isEqualTo("anchor");
        }
    }

    private static SimpleStatement all(String cql) {
        return SimpleStatement.newInstance(cql).setConsistencyLevel(ConsistencyLevel.ALL)
                .setTimeout(Duration.ofSeconds(20));
    }

    private static CqlSession session(String ip) {
        // schema changes on a 2-core machine take longer than the driver's 2 s default
        return CqlSession.builder().addContactPoint(new InetSocketAddress(ip, 9042)).withLocalDatacenter("local")
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .build();
    }

    private static String ip(JsonNode cluster, int index) {
        return cluster.path("nodes").path(index).path("ip").path(0).asString();
    }

}
