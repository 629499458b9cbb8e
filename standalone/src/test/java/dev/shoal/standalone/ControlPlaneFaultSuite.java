package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.testsupport.ControlPlane;
import dev.shoal.testsupport.RabbitMqNode;
import dev.shoal.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: two processes of each service against a PostgreSQL and a RabbitMQ node of the suite's own. While
 * ten MySQL instances are built and a MySQL cluster grows, an api, a task manager and a conductor are killed in turn
 * ({@code kill -9}) and started again, then the broker and then the database are restarted. Every accepted request
 * has its task, every task ends within its deadline, each instance has one node run by one guest started once, and
 * once everything is deleted no node process or directory is left. The figures are printed at the end.
 */
class ControlPlaneFaultSuite {

    private static final Path HOME = Path.of("target", "faults").toAbsolutePath();
    private static final String TENANT = "faulted";
    private static final int INSTANCES = 10;
    private static final Duration BUILDS = Duration.ofMinutes(6);

    private final Map<String, Duration> recoveries = new LinkedHashMap<>();
    private EmbeddedDatabase database;

    @Test
    void buildsAndAGrowSurviveKilledServicesAndARestartedBrokerAndDatabase() throws Exception {
        StandaloneE2E.killLeftovers(HOME);
        StandaloneE2E.deleteRecursively(HOME);
        Files.createDirectories(HOME);
        database = EmbeddedDatabase.start(HOME.resolve("database"));
        try (RabbitMqNode broker = RabbitMqNode.create("shoal-faults-" + ProcessHandle.current().pid(),
                HOME.resolve("rabbitmq")).start();
             ControlPlane plane = ControlPlane.split(jars(), 2, 2, 2, options(broker),
                     Map.of("SHOAL_DB_URL", database.jdbcUrl(), "SHOAL_DB_USER", "postgres", "SHOAL_DB_PASSWORD", "",
                             "SHOAL_AMQP_URI", broker.amqpUri("shoal")), HOME)) {
            plane.start().awaitReady(Duration.ofMinutes(5));
            FailoverHttp http = new FailoverHttp(plane.apiUrls());
            String token = http.first().newTenant(ControlPlaneRestartE2E.OPERATOR_TOKEN, TENANT);
            String clusters = "/v1.0/" + TENANT + "/clusters";
            String cluster = clusters + "/" + http.send("POST", clusters, token, """
                    {"cluster": {"name": "grown", "datastore": {"type": "mysql"}, "flavorRef": "1",
                                 "volume": {"size": 1}, "size": 2}}""").json().path("cluster").path("id").asString();
            StandaloneE2E.awaitClusterActive(http.first(), cluster, token);

            Instant started = Instant.now();
            List<String> instances = createInstances(http, token);
            assertThat(http.send("POST", cluster + "/nodes", token, "{\"nodes\": {\"num\": 1}}").status())
                    .isEqualTo(202);
            for (String service : List.of("api-1", "taskmanager-1", "conductor-1")) {
                kill(plane, service);
            }
            restart("broker", broker::stop, broker::start);
            // the same directory and port: the services' pools reconnect to it
            restart("database", () -> database.close(),
                    () -> database = EmbeddedDatabase.start(HOME.resolve("database")));

            await("every build ends").atMost(BUILDS).pollInterval(Duration.ofSeconds(1))
                    .until(() -> openTasks() == 0);
            Duration built = Duration.between(started, Instant.now());
            long lost = instances.stream().filter(id -> tasksOf(id) == 0).count();
            List<String> failed = failedTasks();
            assertThat(lost).as("accepted requests without a task").isZero();
            assertThat(failed).as("tasks that failed").isEmpty();
            // a node is ACTIVE again once its guest's heartbeats reach the conductors through the restarted broker
            await("every instance ACTIVE").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> statuses(http, token, instances), statuses -> statuses.values().stream()
                            .allMatch("ACTIVE"::equals));
            StandaloneE2E.awaitClusterActive(http.first(), cluster, token);
            assertThat(nodeRowsPerInstance()).as("nodes per instance").allMatch(count -> count == 1);
            long guestsStartedTwice = guestStarts().stream().filter(starts -> starts != 1).count();
            assertThat(guestsStartedTwice).as("guests started more than once").isZero();

            for (String id : instances) {
                http.send("DELETE", "/v1.0/" + TENANT + "/instances/" + id, token, null);
            }
            http.send("DELETE", cluster, token, null);
            await("everything deleted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> liveNodes() == 0);
            long orphans = NodeDirectories.processesUnder(HOME.resolve("nodes")) + nodeDirectories();
            System.out.printf("fault suite: %d tasks, 3 kills, broker and database restarted, %d stuck, %d lost,"
                            + " %d failed, %d orphans; builds done %d s after the first request; recoveries %s%n",
                    allTasks(), openTasks(), lost, failed.size(), orphans, built.toSeconds(), recoveries);
            assertThat(orphans).as("node processes and directories left").isZero();
            plane.stop();
        } finally {
            database.close();
        }
    }

    private List<String> createInstances(FailoverHttp http, String token) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                String name = "db" + i;
                created.add(clients.submit(() -> http.send("POST", "/v1.0/" + TENANT + "/instances", token, """
                        {"instance": {"name": "%s", "datastore": {"type": "mysql"}, "flavorRef": "1",
                                      "volume": {"size": 1}}}""".formatted(name))
                        .json().path("instance").path("id").asString()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            assertThat(ids).allMatch(id -> !id.isEmpty());
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /** {@code kill -9}, then started again; the time until it is back is a recovery. */
    private void kill(ControlPlane plane, String name) {
        ServiceProcess service = plane.service(name);
        service.kill();
        Instant down = Instant.now();
        service.start();
        awaitLogged(service, "Started ");
        recoveries.put(name, Duration.between(down, Instant.now()));
    }

    private void restart(String what, Stoppable stop, Startable start) throws Exception {
        Instant down = Instant.now();
        stop.stop();
        start.start();
        recoveries.put(what, Duration.between(down, Instant.now()));
    }

    private static void awaitLogged(ServiceProcess service, String text) {
        long before = lines(service.log(), text);
        await(service.name() + " started again").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> lines(service.log(), text) > before || !service.isAlive());
        assertThat(service.isAlive()).as(service.name() + " runs").isTrue();
    }

    private static long lines(Path log, String text) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private List<Path> jars() {
        return List.of(jar("shoal.api.jar"), jar("shoal.taskmanager.jar"), jar("shoal.conductor.jar"));
    }

    private static List<String> options(RabbitMqNode broker) {
        List<String> options = new ArrayList<>(ControlPlaneRestartE2E.settings("127.0.43.1", HOME.resolve("nodes")));
        options.addAll(List.of("-Dshoal.taskmanager.lease-duration=10s", "-Dshoal.taskmanager.scan-interval=1s",
                "-Dshoal.taskmanager.broker-admin.url=" + broker.managementUrl(),
                "-Dshoal.api.build-timeout=" + BUILDS.toMinutes() + "m"));
        return options;
    }

    private static Path jar(String property) {
        return Path.of(System.getProperty(property));
    }

    private static Map<String, String> statuses(FailoverHttp http, String token, List<String> instances) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String id : instances) {
            statuses.put(id, http.send("GET", "/v1.0/" + TENANT + "/instances/" + id, token, null).json()
                    .path("instance").path("status").asString());
        }
        return statuses;
    }

    private long openTasks() {
        return count("select count(*) from tasks where state in ('PENDING', 'RUNNING')");
    }

    private long allTasks() {
        return count("select count(*) from tasks");
    }

    private long tasksOf(String resource) {
        return count("select count(*) from tasks where resource_id = '" + resource + "'::uuid");
    }

    private long liveNodes() {
        return count("select count(*) from nodes where deleted_at is null");
    }

    private List<String> failedTasks() {
        return query("select kind || ': ' || coalesce(error, '') from tasks where state = 'FAILED'");
    }

    private List<Long> nodeRowsPerInstance() {
        return query("select count(*)::text from nodes where instance_id is not null group by instance_id").stream()
                .map(Long::parseLong).toList();
    }

    private List<Long> guestStarts() throws IOException {
        List<Long> starts = new ArrayList<>();
        try (var dirs = Files.list(HOME.resolve("nodes"))) {
            for (Path dir : dirs.filter(dir -> Files.exists(dir.resolve("guest.log"))).toList()) {
                starts.add(lines(dir.resolve("guest.log"), " serving"));
            }
        }
        return starts;
    }

    private long nodeDirectories() throws IOException {
        try (var dirs = Files.list(HOME.resolve("nodes"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("guest.properties"))).count();
        }
    }

    private long count(String sql) {
        return Long.parseLong(query(sql).get(0));
    }

    private List<String> query(String sql) {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Stoppable {
        void stop() throws Exception;
    }

    @FunctionalInterface
    private interface Startable {
        void start() throws Exception;
    }
}
