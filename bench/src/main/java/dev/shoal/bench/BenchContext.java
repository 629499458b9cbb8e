package dev.shoal.bench;

import dev.shoal.bench.plane.BenchDatabase;
import dev.shoal.bench.plane.BrokerVhost;
import dev.shoal.bench.plane.ShoalApi;
import dev.shoal.bench.memory.Rss;
import dev.shoal.bench.plane.Standalone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every figure measures against: one standalone on its own port, database, vhost and home, started once and
 * taken down at the end with every node it made, also when the run fails.
 */
public final class BenchContext implements AutoCloseable {

    /** Short, so that a node going silent shows within a bench phase; the sweep looks every second. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration HEARTBEAT_EXPIRY = Duration.ofSeconds(7);
    public static final String TENANT = "bench";

    private final BenchSettings settings;
    private final BenchDatabase database;
    private final BrokerVhost vhost;
    private final Standalone standalone;
    private final ShoalApi api;
    private final String secretsKey;
    private final RealInstances instances;
    private final SyntheticTenants synthetic;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile double idleRss = Double.NaN;

    private BenchContext(BenchSettings settings, BenchDatabase database, BrokerVhost vhost, Standalone standalone,
                         ShoalApi api, String secretsKey) {
        this.settings = settings;
        this.database = database;
        this.vhost = vhost;
        this.standalone = standalone;
        this.api = api;
        this.secretsKey = secretsKey;
        this.instances = new RealInstances(api, TENANT);
        this.synthetic = new SyntheticTenants(api, database, secretsKey);
    }

    public static BenchContext start(BenchSettings settings) throws Exception {
        Path home = Files.createTempDirectory("shoal-bench-");
        BenchDatabase database = BenchDatabase.fresh(settings.database());
        BrokerVhost vhost;
        try {
            vhost = BrokerVhost.fresh(settings.vhost());
        } catch (Exception e) {
            database.close();
            throw e;
        }
        byte[] key = random();
        String secretsKey = Base64.getEncoder().encodeToString(key);
        String token = "shoal_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random());
        Standalone standalone;
        try {
            standalone = Standalone.start(settings.standaloneJar(), home, settings.port(), properties(settings),
                    Map.of("SHOAL_DB_URL", database.url(), "SHOAL_DB_USER", database.user(), "SHOAL_DB_PASSWORD", "",
                            "SHOAL_AMQP_URI", vhost.amqpUri(),
                            "SHOAL_SECRETS_KEY", secretsKey,
                            "SHOAL_BOOTSTRAP_TOKEN", token));
        } catch (Exception e) {
            vhost.close();
            database.close();
            throw e;
        }
        BenchContext context = new BenchContext(settings, database, vhost, standalone,
                new ShoalApi(standalone.url(), token), secretsKey);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "bench-cleanup"));
        Duration ready = standalone.awaitReady(Duration.ofMinutes(3));
        log("standalone pid %d ready on %s in %.1f s (home %s)", standalone.pid(), standalone.url(),
                ready.toMillis() / 1000.0, home);
        context.api.createTenant(TENANT);
        context.idleRss = Rss.of(standalone.pid());
        return context;
    }

    private static Map<String, String> properties(BenchSettings settings) {
        return Map.of(
                "shoal.compute.local.first-address", settings.firstAddress(),
                "shoal.compute.local.heartbeat-interval", seconds(HEARTBEAT_INTERVAL),
                "shoal.conductor.heartbeat-interval", seconds(HEARTBEAT_INTERVAL),
                "shoal.conductor.heartbeat-expiry", seconds(HEARTBEAT_EXPIRY),
                "shoal.conductor.sweep-interval", "1s",
                "shoal.api.heartbeat-expiry", seconds(HEARTBEAT_EXPIRY),
                // rows the bench writes itself are not counted against a quota, and its real nodes should not be
                "shoal.api.quota.instances", "-1",
                "shoal.api.quota.volumes", "-1");
    }

    public BenchSettings settings() {
        return settings;
    }

    public ShoalApi api() {
        return api;
    }

    public Standalone standalone() {
        return standalone;
    }

    public BenchDatabase database() {
        return database;
    }

    public BrokerVhost vhost() {
        return vhost;
    }

    /** The key the standalone encrypts node secrets with, so the bench can store some as it does. */
    public String secretsKey() {
        return secretsKey;
    }

    /** Real MySQL instances made through the API, deleted at the end. */
    public RealInstances instances() {
        return instances;
    }

    /** A tenant of {@code size} instances copied from the run's first real one, made once per size. */
    public SyntheticTenant syntheticTenant(int size) throws Exception {
        return synthetic.ofSize(size, UUID.fromString(instances.first()));
    }

    /** The standalone's resident MiB once ready, before any node. */
    public double idleRss() {
        return idleRss;
    }

    /** The node of a real instance, as the database knows it. */
    public UUID nodeOf(String instanceId) throws SQLException {
        try (Connection connection = database.connect()) {
            return SyntheticTenants.nodeOf(connection, UUID.fromString(instanceId));
        }
    }

    public static void log(String format, Object... args) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    /** Deletes the instances it made through the API, stops the standalone, ends what is left, drops the rest. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Exception> failures = new ArrayList<>();
        attempt(failures, () -> instances.deleteAll(Duration.ofSeconds(90)));
        attempt(failures, standalone::close);
        attempt(failures, () -> {
            int left = Standalone.killLeftovers(standalone.home());
            if (left > 0) {
                log("killed %d processes left under %s", left, standalone.home());
            }
        });
        attempt(failures, vhost::close);
        attempt(failures, database::close);
        attempt(failures, () -> deleteTree(standalone.home()));
        failures.forEach(e -> log("cleanup: %s", e));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void attempt(List<Exception> failures, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + "s";
    }

    private static byte[] random() {
        byte[] value = new byte[32];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
