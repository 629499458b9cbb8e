package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.IptablesFirewall;
import dev.shoal.testsupport.LeftoverNodes;
import dev.shoal.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service in one JVM against this machine's PostgreSQL and RabbitMQ, with real guest agents and
 * datastores under one work directory; every end-to-end suite shares the one Spring context.
 */
@EnabledIfSystemProperty(named = "shoal.e2e", matches = "true")
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StandaloneE2E {

    static final String OPERATOR_TOKEN = "shoal_e2e-operator-token-0123456789abcdef";
    static final Path WORK_DIR = Path.of("target", "e2e-work").toAbsolutePath();
    /**
     * Nodes' security groups are enforced with iptables wherever it can be used (as root, with the binary), as
     * CI runs; elsewhere, or with {@code SHOAL_E2E_FIREWALL=none}, they are recorded only. The suites share one
     * context, so all of them run with the same firewall.
     */
    static final boolean IPTABLES = !"none".equals(System.getenv("SHOAL_E2E_FIREWALL"))
            && new IptablesFirewall("iptables").usable();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) throws IOException {
        // what an earlier run left (a killed build keeps its directories) would be mistaken for this run's nodes
        killLeftovers();
        deleteRecursively(WORK_DIR);
        // a second checkout's run keeps to its own database, virtual host and node addresses
        String run = System.getenv().getOrDefault("SHOAL_E2E_RUN", "e2e");
        TestServices.databaseAndBroker(registry, "shoal_" + run + "_test", "shoal-" + run + "-test");
        registry.add("shoal.compute.local.first-address",
                () -> System.getenv().getOrDefault("SHOAL_E2E_FIRST_ADDRESS", "127.0.1.1"));
        registry.add("shoal.api.bootstrap-token", () -> OPERATOR_TOKEN);
        registry.add("shoal.compute.local.work-dir", () -> WORK_DIR.resolve("nodes").toString());
        registry.add("shoal.compute.local.firewall", () -> IPTABLES ? "iptables" : "none");
        // the suites kill processes and hosts behind the api's back and look at once: every answer is built anew
        registry.add("shoal.api.read-cache-ttl", () -> "0s");
        // SHOAL_E2E_DEFAULT_INTERVALS=1 keeps the shipped heartbeat and failover settings, to measure them
        if (System.getenv("SHOAL_E2E_DEFAULT_INTERVALS") == null) {
            registry.add("shoal.compute.local.heartbeat-interval", () -> "1s");
            registry.add("shoal.conductor.heartbeat-expiry", () -> "3s");
            registry.add("shoal.conductor.sweep-interval", () -> "500ms");
            registry.add("shoal.api.heartbeat-expiry", () -> "3s");
            registry.add("shoal.failover.unreachable-for", () -> "2s");
            registry.add("shoal.failover.vote-expiry", () -> "5s");
            registry.add("shoal.failover.restart-grace", () -> "20s");
            registry.add("shoal.failover.check-interval", () -> "500ms");
        }
        if (System.getProperty("shoal.cassandra.lib") != null) {
            registry.add(ShoalStandalone.guestSetting("cassandra.lib"), () -> System.getProperty("shoal.cassandra.lib"));
        }
        if (System.getenv("SHOAL_MONGOD") != null) {
            registry.add(ShoalStandalone.guestSetting("mongodb.mongod"), () -> System.getenv("SHOAL_MONGOD"));
        }
    }

    /**
     * Whatever a suite left running under the work directory goes, even after a failure, and so do the firewalls
     * of the nodes it left: every node the local driver gave a firewall has a directory there. The shared context's
     * guest keeper does not start the killed guests again.
     */
    @AfterAll
    static void killLeftovers() throws IOException {
        LeftoverNodes.kill(WORK_DIR.resolve("nodes"));
        killLeftovers(WORK_DIR);
        if (!IPTABLES || !Files.isDirectory(WORK_DIR.resolve("nodes"))) {
            return;
        }
        IptablesFirewall iptables = new IptablesFirewall("iptables");
        try (Stream<Path> dirs = Files.list(WORK_DIR.resolve("nodes"))) {
            for (Path dir : dirs.filter(dir -> dir.getFileName().toString().matches("[0-9a-f-]{36}")).toList()) {
                try {
                    iptables.remove(dir.getFileName().toString());
                } catch (ComputeException e) {
                    System.err.println("the firewall of node " + dir.getFileName() + " stays: " + e.getMessage());
                }
            }
        }
    }

    /** Every process with {@code dir} on its command line: nodes a killed run left, and their datastores. */
    static void killLeftovers(Path dir) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** The tenant's application account the suites create on a master and read through every node. */
    static final String APP_PASSWORD = "app-Pa55word";

    ShoalHttp http() {
        return new ShoalHttp("http://127.0.0.1:" + port);
    }

    static String status(ShoalHttp http, String path, String token) {
        return http.send("GET", path, token, null).json().path("instance").path("status").asString();
    }

    static boolean canConnect(String url, String user, String password) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        }
    }

    static String mysqlUrl(String ip) {
        return "jdbc:mariadb://" + ip + ":3306/?connectTimeout=2000";
    }

    /** As root: the database {@code shop}, its table of items with {@code ids}, and the application's account. */
    static void createShop(String url, String rootPassword, int... ids) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", rootPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("create database shop");
            sql.execute("create table shop.items (id int primary key)");
            for (int id : ids) {
                sql.execute("insert into shop.items values (" + id + ")");
            }
            sql.execute("create user app@'%' identified by '" + APP_PASSWORD + "'");
            sql.execute("grant all on shop.* to app@'%'");
        }
    }

    static void insertItem(String url, int id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "app", APP_PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("insert into shop.items values (" + id + ")");
        }
    }

    static List<Integer> itemIds(String url) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "app", APP_PASSWORD);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select id from shop.items order by id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    static JsonNode awaitClusterActive(ShoalHttp http, String path, String token) {
        await("cluster ACTIVE").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).json().path("cluster").path("status").asString(),
                        status -> status.equals("ACTIVE") || status.equals("ERROR"));
        JsonNode cluster = http.send("GET", path, token, null).json().path("cluster");
        assertThat(cluster.path("status").asString()).as(cluster.toString()).isEqualTo("ACTIVE");
        return cluster;
    }

    static List<String> nodeIds(JsonNode cluster) {
        List<String> ids = new ArrayList<>();
        cluster.path("nodes").forEach(node -> ids.add(node.path("id").asString()));
        return ids;
    }

    /** The directory of the node the compute driver placed on {@code address}. */
    static Path nodeDirAt(String address) throws IOException {
        return NodeDirectories.at(WORK_DIR.resolve("nodes"), address);
    }

    static long processesOf(Path nodeDir) {
        return NodeDirectories.processesOf(nodeDir).size();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
