package dev.shoal.datastores.cassandra.guest;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.Configurable;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.test.ClusteredContract;
import dev.shoal.guest.spi.test.ConfigurableContract;
import dev.shoal.guest.spi.test.DatastoreLogsContract;
import dev.shoal.guest.spi.test.DatastoreManagerContract;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A configuration group on one real Cassandra node, checked against what the server itself says it runs with
 * ({@code system_views.settings} over CQL): from the first start, live over JMX, after a restart, and taken away;
 * then the lifecycle, configuration and cluster contracts, on the same node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraOverridesIT implements DatastoreManagerContract, ConfigurableContract, ClusteredContract,
        DatastoreLogsContract {

    private static final String ADDRESS = "127.0.40.201";
    private static final List<String> MANAGED = List.of("compaction_throughput", "stream_throughput_outbound",
            "read_request_timeout", "write_request_timeout", "range_request_timeout", "concurrent_reads",
            "concurrent_writes");

    private final Path lib = Path.of(System.getProperty("shoal.cassandra.lib",
            "../../../cassandra-dist/target/cassandra/lib"));
    private final Prepare prepare = new Prepare("cassandra", "5.0", 2048, 1, null,
            new ClusterMember("overrides-it", ClusterMember.TYPE_MEMBER, null, List.of(), null),
            Map.of("compaction_throughput", "100", "concurrent_reads", "16"));
    private Path nodeDir;
    private CassandraManager manager;

    @BeforeAll
    void prepareTheNode() throws Exception {
        assertThat(lib.resolve("cassandra-all-5.0.9.jar")).as("built by cassandra-dist").exists();
        nodeDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cassandra-it")), "overrides-")
                .toAbsolutePath();
        manager = new CassandraManager(config());
        long started = System.nanoTime();
        manager.prepare(prepare);
        System.out.printf("configured node serving after %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    void stopTheServer() throws Exception {
        if (manager != null) {
            manager.stop();
        }
        try (Stream<Path> files = Files.walk(nodeDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Override
    public DatastoreManager preparedManager() {
        return manager;
    }

    @Override
    public Prepare prepareRequest() {
        return prepare;
    }

    @Override
    public DatastoreManager restartedAgentsManager() {
        return new CassandraManager(config());
    }

    @Override
    public Clustered clustered() {
        return manager;
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public Configurable configurable() {
        return manager;
    }

    @Override
    public String liveParameter() {
        return "compaction_throughput";
    }

    @Override
    public String liveValue() {
        return "40";
    }

    @Test
    @Order(1)
    void valuesHoldFromTheFirstStartApplyLiveAndWaitForARestartWhereCassandraNeedsOne() throws Exception {
        assertThat(settings()).as("from the first start").containsEntry("compaction_throughput", "100MiB/s")
                .containsEntry("concurrent_reads", "16").containsEntry("concurrent_writes", "32");

        long applying = System.nanoTime();
        AppliedConfiguration applied = manager.applyOverrides(new ConfigurationOverrides(Map.of(
                "compaction_throughput", "40", "read_request_timeout", "4000", "stream_throughput_outbound", "12",
                "concurrent_reads", "16", "concurrent_writes", "48"), MANAGED));
        System.out.printf("overrides applied in %d ms%n", (System.nanoTime() - applying) / 1_000_000);
        assertThat(applied.restartRequired()).containsExactly("concurrent_writes");
        assertThat(applied.running()).containsEntry("compaction_throughput", "40")
                .containsEntry("read_request_timeout", "4000").containsEntry("stream_throughput_outbound", "12")
                .containsEntry("write_request_timeout", "2000").containsEntry("concurrent_reads", "16")
                .containsEntry("concurrent_writes", "32");
        assertThat(settings()).as("applied live").containsEntry("compaction_throughput", "40MiB/s")
                .containsEntry("read_request_timeout", "4000ms").containsEntry("stream_throughput_outbound", "12MiB/s")
                .containsEntry("concurrent_writes", "32");

        long restarting = System.nanoTime();
        manager.restart();
        System.out.printf("restarted in %d ms%n", (System.nanoTime() - restarting) / 1_000_000);
        assertThat(manager.status()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(settings()).as("after the restart").containsEntry("concurrent_writes", "48")
                .containsEntry("compaction_throughput", "40MiB/s").containsEntry("read_request_timeout", "4000ms");
        AppliedConfiguration afterRestart = manager.applyOverrides(new ConfigurationOverrides(Map.of(
                "compaction_throughput", "40", "read_request_timeout", "4000", "stream_throughput_outbound", "12",
                "concurrent_reads", "16", "concurrent_writes", "48"), MANAGED));
        assertThat(afterRestart.restartRequired()).isEmpty();
        assertThat(afterRestart.running()).containsEntry("concurrent_writes", "48");

        AppliedConfiguration removed = manager.applyOverrides(new ConfigurationOverrides(Map.of(), MANAGED));
        assertThat(removed.restartRequired()).containsExactlyInAnyOrder("concurrent_reads", "concurrent_writes");
        assertThat(settings()).as("Cassandra's own values, live where it can")
                .containsEntry("compaction_throughput", "64MiB/s").containsEntry("read_request_timeout", "5000ms")
                .containsEntry("stream_throughput_outbound", "24MiB/s");
        assertThat(Files.readString(nodeDir.resolve("cassandra.yaml")))
                .doesNotContain(CassandraOverridesYaml.MARKER);
    }

    private static Map<String, String> settings() {
        try (CqlSession session = CqlSession.builder().addContactPoint(new InetSocketAddress(ADDRESS, 9042))
                .withLocalDatacenter(CassandraYaml.DEFAULT_DC)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)).build())
                .build()) {
            Map<String, String> settings = new TreeMap<>();
            for (Row row : session.execute("select name, value from system_views.settings")) {
                settings.put(row.getString("name"), row.getString("value"));
            }
            return settings;
        }
    }

    private GuestConfig config() {
        return new GuestConfig("overrides-it", NodeSecret.generate(), ADDRESS, nodeDir, "amqp://unused",
                Duration.ofSeconds(10),
                Map.of("datastore.manager", "cassandra", "cassandra.lib", lib.toAbsolutePath().toString()));
    }
}
