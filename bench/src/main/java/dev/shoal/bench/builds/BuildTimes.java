package dev.shoal.bench.builds;

import dev.shoal.bench.BenchContext;
import dev.shoal.bench.Figure;
import dev.shoal.bench.Measurement;
import dev.shoal.bench.plane.ShoalApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * P1: how long a client waits from its POST to {@code ACTIVE} for a MySQL instance, a 3-node MySQL cluster and a
 * 3-node Cassandra ring, each beside the datastore's own cost measured in the same run: {@code mariadb-install-db}
 * and {@code mariadbd} to a first query plus a guest agent's start, both timed directly; for the cluster, whose nodes
 * are prepared at once, the same for three nodes at once (on two cores three installs at once take longer than one)
 * plus its snapshot and attach; and for the ring the three sequential Cassandra starts as its guests timed them. Each build's time is broken down by its operation's steps; everything it made is deleted.
 */
public final class BuildTimes implements Figure {

    private static final Duration BUILD_BOUND = Duration.ofMinutes(5);
    private static final Duration DELETE_BOUND = Duration.ofMinutes(2);

    /** Every resource asked for, as {path, id}, so that it is deleted whatever became of the run. */
    private final List<String[]> made = new ArrayList<>();

    @Override
    public String name() {
        return "P1";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        ShoalApi api = context.api();
        String tenant = context.instances().tenant();
        Path scratch = Files.createTempDirectory("shoal-bench-p1-");
        List<Measurement> measurements = new ArrayList<>();
        // a running control plane has built nodes before: the run's first instance, which later figures share, is
        // made first, so that no timed build pays for a cold JVM or the first connections to the broker
        context.instances().first();
        try {
            TimedBuild instance = build(api, tenant, "instances", "instance", """
                    {"instance": {"name": "p1-mysql", "datastore": {"type": "mysql"}, "flavorRef": "1",
                     "volume": {"size": 1}}}""");
            MariadbFloor.Times mariadb = MariadbFloor.measure(scratch.resolve("mariadb"),
                    floorAddress(context.settings().firstAddress()));
            Duration guestStart = GuestStartFloor.measure(guestJar(context), scratch.resolve("guest"),
                    context.vhost().amqpUri(), floorAddress(context.settings().firstAddress()));
            BenchContext.log("P1 floor: mariadb-install-db %.2f s, mariadbd to a first query %.2f s, guest agent"
                    + " start %.2f s", seconds(mariadb.installDb()), seconds(mariadb.serverStart()),
                    seconds(guestStart));
            double floor = seconds(mariadb.total()) + seconds(guestStart);
            measurements.add(additive("P1 MySQL instance POST → ACTIVE", instance, "install-db + mariadbd start"
                    + " + guest agent start", floor, 1.0));

            TimedBuild cluster = build(api, tenant, "clusters", "cluster", """
                    {"cluster": {"name": "p1-mysql-cluster", "datastore": {"type": "mysql"}, "flavorRef": "1",
                     "volume": {"size": 1}, "size": 3}}""");
            double atOnce = nodesAtOnce(3, scratch.resolve("at-once"), context);
            // its JOIN is the snapshot of the master and its attach to each replica, as the step timed them
            double join = seconds(StepBreakdown.step(cluster, "JOIN"));
            measurements.add(additive("P1 MySQL 3-node cluster POST → ACTIVE", cluster, "the same for 3 nodes at"
                    + " once + snapshot and attach (JOIN)", atOnce + join, 1.5));

            TimedBuild ring = build(api, tenant, "clusters", "cluster", """
                    {"cluster": {"name": "p1-cassandra", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                     "volume": {"size": 1}, "size": 3}}""");
            List<Double> starts = StepBreakdown.phases(ring, "PREPARE", "server start");
            if (starts.size() != 3) {
                measurements.add(Measurement.failed("P1 Cassandra 3-node ring", "its guests told "
                        + starts.size() + " Cassandra starts, not 3"));
            } else {
                measurements.add(additive("P1 Cassandra 3-node ring POST → ACTIVE", ring, "its 3 Cassandra starts"
                        + " as the guests timed them", starts.stream().mapToDouble(Double::doubleValue).sum(), 2.0));
            }
        } finally {
            deleteMade(api, tenant);
            deleteTree(scratch);
        }
        return measurements;
    }

    /**
     * The instance's floor for {@code nodes} nodes prepared at once, as a cluster's are: the slowest of their installs
     * and server starts run side by side, plus the slowest of as many guest agent starts side by side.
     */
    private static double nodesAtOnce(int nodes, Path scratch, BenchContext context) throws Exception {
        ExecutorService side = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<MariadbFloor.Times>> installs = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String address = floorAddress(context.settings().firstAddress(), 254 - i);
                Path dir = scratch.resolve("mariadb-" + i);
                installs.add(side.submit(() -> MariadbFloor.measure(dir, address)));
            }
            double slowestServer = 0;
            for (Future<MariadbFloor.Times> install : installs) {
                slowestServer = Math.max(slowestServer, seconds(install.get().total()));
            }
            List<Future<Duration>> guests = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String address = floorAddress(context.settings().firstAddress(), 254 - i);
                Path dir = scratch.resolve("guest-" + i);
                guests.add(side.submit(() -> GuestStartFloor.measure(guestJar(context), dir,
                        context.vhost().amqpUri(), address)));
            }
            double slowestGuest = 0;
            for (Future<Duration> guest : guests) {
                slowestGuest = Math.max(slowestGuest, seconds(guest.get()));
            }
            BenchContext.log("P1 floor, %d nodes at once: install-db and mariadbd start %.2f s, guest agent start"
                    + " %.2f s (the slowest of each)", nodes, slowestServer, slowestGuest);
            return slowestServer + slowestGuest;
        } finally {
            side.shutdownNow();
        }
    }

    private TimedBuild build(ShoalApi api, String tenant, String path, String member, String body)
            throws IOException, InterruptedException {
        TimedBuild build = TimedBuild.run(api, tenant, path, member, body, BUILD_BOUND,
                id -> made.add(new String[] {path, id}));
        BenchContext.log("P1 %s %s POST → ACTIVE %.2f s; operation %s:", member, build.id(), seconds(build.took()),
                build.operation().path("id").asString());
        StepBreakdown.lines(build).forEach(line -> System.err.println(line));
        return build;
    }

    /** The goal reads "at most the floor plus {@code slack} seconds". */
    private static Measurement additive(String figure, TimedBuild build, String floorName, double floor,
                                        double slack) {
        double value = seconds(build.took());
        return new Measurement(figure, value, "s", floorName, floor, floor == 0 ? Double.NaN : value / floor,
                String.format(Locale.ROOT, "<= floor + %.1f s", slack), value <= floor + slack);
    }

    private void deleteMade(ShoalApi api, String tenant) {
        for (String[] resource : made) {
            try {
                TimedBuild.delete(api, tenant, resource[0], resource[1], DELETE_BOUND);
            } catch (Exception e) {
                BenchContext.log("P1: %s %s not deleted: %s", resource[0], resource[1], e);
            }
        }
        made.clear();
    }

    /** The agent jar the standalone launches its guests from, else the one the build made. */
    private static Path guestJar(BenchContext context) throws IOException {
        Path extracted = context.standalone().nodesDir().resolve(".guestagent");
        if (Files.isDirectory(extracted)) {
            try (Stream<Path> files = Files.list(extracted)) {
                var jar = files.filter(file -> file.toString().endsWith(".jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        return context.settings().repository().resolve("guestagent/target/shoal-guestagent.jar");
    }

    /** The last address of the run's node range's /24, which its few nodes never reach. */
    private static String floorAddress(String firstAddress) {
        return floorAddress(firstAddress, 254);
    }

    private static String floorAddress(String firstAddress, int last) {
        return firstAddress.substring(0, firstAddress.lastIndexOf('.') + 1) + last;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
