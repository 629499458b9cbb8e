package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.test.DecommissionContract;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Cassandra ring of guest-managed nodes on 127.0.5.x, grown one node at a time, a node replaced and one
 * decommissioned (the decommission contract, after the ordered steps); the server comes from {@code cassandra-dist}.
 * Steps build on each other, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraManagerIT implements DecommissionContract {

    private static final String DC = "region-one";
    private static final String SEED = address(1);
    private static final Duration RING_CHANGE = Duration.ofSeconds(90);

    private Path root;
    private final Map<Integer, CassandraManager> nodes = new LinkedHashMap<>();
    private final Path lib = Path.of(System.getProperty("shoal.cassandra.lib",
            "../../../cassandra-dist/target/cassandra/lib"));

    /** Under target/ rather than a JUnit temporary directory, which would not outlive a single test step. */
    @BeforeAll
    void theServerIsBuilt() throws Exception {
        assertThat(lib.resolve("cassandra-all-5.0.9.jar")).as("built by cassandra-dist").exists();
        root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cassandra-it")), "ring-")
                .toAbsolutePath();
    }

    @AfterAll
    void stopEveryServer() throws Exception {
        for (CassandraManager node : nodes.values()) {
            node.stop();
        }
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(root.toString())).orElse(false))
                .toList();
        leftovers.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : leftovers) {
            process.onExit().get();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void threeNodesStartedOneAtATimeFormARingOfThreeUpNormal() throws Exception {
        for (int node = 1; node <= 3; node++) {
            start(node, null);
        }

        awaitRing(List.of(1, 2, 3));
    }

    @Test
    @Order(2)
    void aRowWrittenAtAllThroughTheFirstNodeIsReadThroughTheThird() {
        execute(1, "create keyspace shop with replication = {'class': 'NetworkTopologyStrategy', '" + DC + "': 3}");
        execute(1, "create table shop.items (id int primary key, name text)");
        execute(1, "insert into shop.items (id, name) values (7, 'anchor')");

        assertThat(readItem(3)).isEqualTo("anchor");
    }

    @Test
    @Order(3)
    void aRestartedAgentAdoptsTheRunningServerInsteadOfStartingAnother() throws Exception {
        long pid = nodes.get(1).serverProcess().orElseThrow().pid();

        CassandraManager afterAgentRestart = new CassandraManager(config(1));
        afterAgentRestart.resume();

        assertThat(afterAgentRestart.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(afterAgentRestart.serverProcess().orElseThrow().pid()).isEqualTo(pid);
        assertThat(serversOf(1)).isEqualTo(1);
        assertThat(afterAgentRestart.clusterStatus().members()).hasSize(3);
        nodes.put(1, afterAgentRestart);
    }

    @Test
    @Order(4)
    void aNewNodeTakesTheStoppedNodesPlaceAndData() throws Exception {
        nodes.get(3).stop();
        await().atMost(RING_CHANGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(nodes.get(1).clusterStatus().members())
                        .contains(new ClusterStatus.Member(address(3), "DN", false)));

        start(4, address(3));

        awaitRing(List.of(1, 2, 4));
        assertThat(readItem(4)).isEqualTo("anchor");
    }

    /** After the decommission contract, which runs after the ordered steps: node 2 has gone. */
    @Test
    @Order(Order.DEFAULT + 1)
    void theNodesLeftAfterADecommissionServeItsDataAtQuorum() {
        awaitRing(List.of(1, 4));
        // two nodes left for three replicas: ALL cannot be met any more, a quorum can
        assertThat(readItem(4, DefaultConsistencyLevel.QUORUM)).isEqualTo("anchor");
    }

    @Override
    public DatastoreManager leavingMember() {
        return nodes.get(2);
    }

    @Override
    public String leavingAddress() {
        return address(2);
    }

    @Override
    public Clustered remainingMember() {
        return nodes.get(1);
    }

    @Override
    public DatastoreManager restartedAgentsManagerOfLeaving() throws Exception {
        return new CassandraManager(config(2));
    }

    @Override
    public long serversOfLeavingMember() {
        return serversOf(2);
    }

    private void start(int node, String replaceAddress) throws Exception {
        CassandraManager manager = new CassandraManager(config(node));
        nodes.put(node, manager);
        ClusterMember member = new ClusterMember("it", ClusterMember.TYPE_MEMBER, DC, List.of(SEED), replaceAddress);
        long started = System.nanoTime();
        manager.prepare(new Prepare("cassandra", "5.0", 2048, 1, null, member));
        System.out.printf("node %d (%s) serving after %d ms%n", node, address(node),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
    }

    /** Every listed node sees exactly the listed nodes, all up and normal. */
    private void awaitRing(List<Integer> expected) {
        List<ClusterStatus.Member> ring = expected.stream()
                .map(node -> new ClusterStatus.Member(address(node), "UN", true))
                .toList();
        for (int node : expected) {
            await().atMost(RING_CHANGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(nodes.get(node).clusterStatus().members()).as("ring seen by node " + node)
                            .containsExactlyInAnyOrderElementsOf(ring));
        }
    }

    private void execute(int through, String cql) {
        try (CqlSession session = session(through)) {
            session.execute(statement(session, through, cql));
        }
    }

    private String readItem(int through) {
        return readItem(through, DefaultConsistencyLevel.ALL);
    }

    private String readItem(int through, DefaultConsistencyLevel consistency) {
        try (CqlSession session = session(through)) {
            Row row = session.execute(statement(session, through, "select name from shop.items where id = 7")
                    .setConsistencyLevel(consistency)).one();
            return row == null ? null : row.getString("name");
        }
    }

    /** Pinned to one coordinator and, unless told otherwise, at consistency ALL: every replica takes part. */
    private static SimpleStatement statement(CqlSession session, int through, String cql) {
        Node coordinator = session.getMetadata().findNode(new InetSocketAddress(address(through), 9042))
                .orElseThrow();
        return SimpleStatement.newInstance(cql).setNode(coordinator)
                .setConsistencyLevel(DefaultConsistencyLevel.ALL);
    }

    private static CqlSession session(int through) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(address(through), 9042))
                .withLocalDatacenter(DC)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .build();
    }

    private long serversOf(int node) {
        String dir = root.resolve("node" + node).toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir + "/")).orElse(false))
                .count();
    }

    private GuestConfig config(int node) throws Exception {
        Path nodeDir = Files.createDirectories(root.resolve("node" + node));
        return new GuestConfig("node-" + node, NodeSecret.generate(), address(node), nodeDir, "amqp://unused",
                Duration.ofSeconds(10),
                Map.of("datastore.manager", "cassandra", "cassandra.lib", lib.toAbsolutePath().toString()));
    }

    private static String address(int node) {
        return "127.0.5." + node;
    }
}
