package dev.shoal.datastores.mongodb.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ClusterMembers.Entry;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.GuestConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB manager against a real mongod, given by {@code -Dshoal.mongod=/path/to/mongod} or
 * {@code SHOAL_MONGOD}; skipped where there is none, since an imitation server answers none of the replica set
 * commands this is about.
 */
@EnabledIf("mongodConfigured")
class MongoManagerIT {

    private static final String PRIMARY = "127.0.6.1";
    private static final String SECONDARY = "127.0.6.2";
    private static final String ARBITER = "127.0.6.3";
    private static final String JOINER = "127.0.6.4";

    @TempDir
    Path work;

    private final String clusterId = UUID.randomUUID().toString();
    private final List<MongoManager> managers = new ArrayList<>();

    static boolean mongodConfigured() {
        return ConfiguredMongod.path().isPresent();
    }

    /** Whatever a test left running with its directory on the command line goes, even after a failure. */
    @AfterEach
    void stopServers() throws Exception {
        for (MongoManager manager : managers) {
            manager.stop();
        }
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(work.toString())).orElse(false)).toList();
        leftovers.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : leftovers) {
            process.onExit().get();
        }
    }

    @Test
    void initiatesGrowsAndShrinksAReplicaSetWithAnArbiter() throws Exception {
        MongoManager primary = prepared(PRIMARY, ClusterMember.TYPE_MEMBER);
        prepared(SECONDARY, ClusterMember.TYPE_MEMBER);
        prepared(ARBITER, ClusterMember.TYPE_ARBITER);
        assertThat(primary.clusterStatus().members()).isEmpty();

        primary.addMembers(members(new Entry(SECONDARY, "member"), new Entry(ARBITER, "arbiter")));

        awaitMembers(primary, PRIMARY + "=PRIMARY", SECONDARY + "=SECONDARY", ARBITER + "=ARBITER");
        try (MongoClient writer = client(PRIMARY)) {
            writer.getDatabase("shop").getCollection("items").withWriteConcern(WriteConcern.MAJORITY)
                    .insertOne(new Document("_id", 7).append("name", "anchor"));
        }
        try (MongoClient reader = client(SECONDARY)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reader.getDatabase("shop")
                    .getCollection("items").find(new Document("_id", 7)).first())
                    .containsEntry("name", "anchor"));
        }

        prepared(JOINER, ClusterMember.TYPE_MEMBER);
        primary.addMembers(members(new Entry(JOINER, "member")));
        primary.addMembers(members(new Entry(JOINER, "member")));
        awaitMembers(primary, PRIMARY + "=PRIMARY", SECONDARY + "=SECONDARY", ARBITER + "=ARBITER",
                JOINER + "=SECONDARY");

        primary.removeMembers(members(new Entry(SECONDARY, "member")));
        awaitMembers(primary, PRIMARY + "=PRIMARY", ARBITER + "=ARBITER", JOINER + "=SECONDARY");

        assertThatThrownBy(() -> primary.removeMembers(members(new Entry(PRIMARY, "member"))))
                .hasMessageContaining("cannot remove itself");
        assertThatThrownBy(() -> primary.addMembers(members(new Entry(SECONDARY, "arbiter"))))
                .hasMessageContaining("at most one arbiter");
    }

    @Test
    void aRestartedAgentAdoptsTheRunningServer() throws Exception {
        MongoManager first = prepared(PRIMARY, ClusterMember.TYPE_MEMBER);
        long pid = first.serverProcess().orElseThrow().pid();

        MongoManager afterAgentRestart = new MongoManager(config(PRIMARY));
        managers.add(afterAgentRestart);
        afterAgentRestart.resume();

        assertThat(afterAgentRestart.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(afterAgentRestart.serverProcess().orElseThrow().pid()).isEqualTo(pid);
        afterAgentRestart.stop();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(afterAgentRestart.status()).isEqualTo(ServiceStatus.SHUTDOWN);
    }

    @Test
    void aGroupsValuesRunFromTheFirstStartChangeLiveAndTheConnectionLimitWaitsForARestart() throws Exception {
        assertThat(portFree(PRIMARY)).as("port 27017 free on " + PRIMARY).isTrue();
        MongoManager manager = new MongoManager(config(PRIMARY));
        managers.add(manager);
        manager.prepare(new Prepare("mongodb", "7.0", 1024, 1, null,
                new ClusterMember(clusterId, ClusterMember.TYPE_MEMBER, "r1", List.of(), null),
                Map.of("cursorTimeoutMillis", "30000")));
        List<String> managed = List.of("cursorTimeoutMillis", "slowOpThresholdMs", "maxIncomingConnections");
        try (MongoClient client = client(PRIMARY)) {
            assertThat(parameter(client, "cursorTimeoutMillis")).as("from the first start").isEqualTo("30000");

            AppliedConfiguration applied = manager.applyOverrides(new ConfigurationOverrides(Map.of(
                    "cursorTimeoutMillis", "45000", "slowOpThresholdMs", "250", "maxIncomingConnections", "500"),
                    managed));
            assertThat(parameter(client, "cursorTimeoutMillis")).as("live").isEqualTo("45000");
            assertThat(client.getDatabase("admin").runCommand(new Document("profile", -1)).get("slowms")
                    .toString()).isEqualTo("250");
            assertThat(applied.restartRequired()).containsExactly("maxIncomingConnections");
            assertThat(applied.running()).containsEntry("cursorTimeoutMillis", "45000")
                    .containsEntry("slowOpThresholdMs", "250");
        }

        manager.restart();
        try (MongoClient client = client(PRIMARY)) {
            Document net = client.getDatabase("admin").runCommand(new Document("getCmdLineOpts", 1))
                    .get("parsed", Document.class).get("net", Document.class);
            assertThat(net.get("maxIncomingConnections").toString()).as("after the restart").isEqualTo("500");
            assertThat(parameter(client, "cursorTimeoutMillis")).isEqualTo("45000");

            manager.applyOverrides(new ConfigurationOverrides(Map.of(), managed));
            assertThat(parameter(client, "cursorTimeoutMillis")).as("detached: mongod's default")
                    .isEqualTo("600000");
        }
    }

    private static String parameter(MongoClient client, String name) {
        return client.getDatabase("admin").runCommand(new Document("getParameter", 1).append(name, 1)).get(name)
                .toString();
    }

    private MongoManager prepared(String address, String type) throws Exception {
        assertThat(portFree(address)).as("port 27017 free on " + address).isTrue();
        MongoManager manager = new MongoManager(config(address));
        managers.add(manager);
        manager.prepare(new Prepare("mongodb", "7.0", 1024, 1, null,
                new ClusterMember(clusterId, type, "r1", List.of(), null)));
        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
        return manager;
    }

    private GuestConfig config(String address) {
        return new GuestConfig("node-" + address, NodeSecret.generate(), address, work.resolve(address),
                "amqp://unused", Duration.ofSeconds(1),
                Map.of("mongodb.mongod", ConfiguredMongod.path().orElseThrow()));
    }

    private static void awaitMembers(MongoManager manager, String... expected) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            ClusterStatus status = manager.clusterStatus();
            assertThat(status.members()).extracting(m -> m.address() + "=" + m.state())
                    .containsExactlyInAnyOrder(expected);
            assertThat(status.members()).allMatch(ClusterStatus.Member::healthy);
        });
    }

    private static ClusterMembers members(Entry... entries) {
        return new ClusterMembers(List.of(entries));
    }

    private static MongoClient client(String address) {
        return MongoClients.create("mongodb://" + address + ":27017/?directConnection=true"
                + "&readPreference=secondaryPreferred&serverSelectionTimeoutMS=5000");
    }

    private static boolean portFree(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, MongodConfig.PORT), 500);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }
}
