package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.testsupport.ControlPlane;
import dev.shoal.testsupport.ServiceProcess;
import dev.shoal.testsupport.TestBroker;
import dev.shoal.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two task managers share the tasks by lease. The one building an instance is frozen ({@code kill -STOP}) past its
 * lease; the other takes the build over and finishes it; the first, let run again ({@code kill -CONT}), finds its
 * epoch stale and writes nothing more for the task.
 */
class TaskManagerFencingE2E {

    private static final Path HOME = Path.of("target", "fencing").toAbsolutePath();
    private static final Duration LEASE = Duration.ofSeconds(4);

    @Test
    void aTaskManagerPausedPastItsLeaseWritesNothingOnceAnotherTookItsTaskOver() throws Exception {
        StandaloneE2E.killLeftovers(HOME);
        StandaloneE2E.deleteRecursively(HOME);
        Files.createDirectories(HOME);
        String run = System.getenv().getOrDefault("SHOAL_E2E_RUN", "e2e");
        String database = TestDatabase.fresh("shoal_fencing_" + run + "_test");
        List<String> options = new ArrayList<>(ControlPlaneRestartE2E.settings("127.0.42.1", HOME.resolve("nodes")));
        options.addAll(List.of("-Dshoal.taskmanager.lease-duration=" + LEASE.toSeconds() + "s",
                "-Dshoal.taskmanager.scan-interval=500ms"));
        try (ControlPlane plane = ControlPlane.split(List.of(jar("shoal.api.jar"), jar("shoal.taskmanager.jar"),
                        jar("shoal.conductor.jar")), 2, options,
                // the frozen one's transaction ends with its lease, so the other never waits on its locks for long
                Map.of("SHOAL_DB_URL", database, "SHOAL_DB_USER", TestDatabase.user(),
                        "SHOAL_DB_PASSWORD", TestDatabase.password(),
                        "SHOAL_DB_IDLE_IN_TRANSACTION_TIMEOUT", LEASE.toSeconds() + "s",
                        "SHOAL_AMQP_URI", TestBroker.fresh("shoal-fencing-" + run + "-test",
                                "taskmanager", "taskmanager.dlq", "conductor", "conductor.dlq")), HOME);
             Connection db = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password())) {
            plane.start().awaitReady(Duration.ofMinutes(5));
            ShoalHttp http = new ShoalHttp(plane.apiUrl());
            String token = http.newTenant(ControlPlaneRestartE2E.OPERATOR_TOKEN, "fenced");
            ShoalHttp.Response created = http.send("POST", "/v1.0/fenced/instances", token, """
                    {"instance": {"name": "fenced", "datastore": {"type": "mysql"}, "flavorRef": "1",
                                  "volume": {"size": 1}}}""");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            String instance = created.json().path("instance").path("id").asString();

            // the build, once it waits on its guest, and the task manager that holds it
            TaskRow building = await("the build waiting on its guest").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20)).until(() -> build(db, instance),
                            row -> row.isPresent() && row.get().owner() != null
                                    && List.of("PREPARE", "AWAIT_ACTIVE").contains(row.get().step()))
                    .orElseThrow();
            ServiceProcess holder = plane.services().stream()
                    .filter(service -> building.owner().startsWith(service.pid() + "@")).findFirst().orElseThrow();
            holder.pause();
            try {
                TaskRow frozen = build(db, instance).orElseThrow();
                assertThat(frozen.state()).as("still building when its task manager froze").isEqualTo("RUNNING");
                assertThat(frozen.epoch()).isEqualTo(building.epoch());

                await("the other task manager finishes the build").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> build(db, instance).orElseThrow().state(), state -> !state.equals("RUNNING"));
            } finally {
                holder.resume();
            }
            TaskRow finished = build(db, instance).orElseThrow();
            assertThat(finished.state()).isEqualTo("COMPLETED");
            assertThat(finished.epoch()).as("granted again").isGreaterThan(building.epoch());
            assertThat(finished.attempts()).isGreaterThanOrEqualTo(2);

            await("the resumed task manager finds its epoch stale").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(holder.log()).contains("lease epoch " + building.epoch()
                            + " is stale"));
            assertThat(build(db, instance).orElseThrow()).as("nothing written by the stale one").isEqualTo(finished);
            assertThat(holder.isAlive()).isTrue();
            assertThat(nodesOf(db, instance)).as("one node: the build was not done twice").isEqualTo(1);
            assertThat(http.send("GET", "/v1.0/fenced/instances/" + instance, token, null).json().path("instance")
                    .path("status").asString()).isEqualTo("ACTIVE");

            assertThat(http.send("DELETE", "/v1.0/fenced/instances/" + instance, token, null).status())
                    .isEqualTo(202);
            await("instance deleted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.send("GET", "/v1.0/fenced/instances/" + instance, token, null).status() == 404);
            assertThat(NodeDirectories.processesUnder(HOME.resolve("nodes"))).as("node processes left").isZero();
            plane.stop();
        }
    }

    private static Optional<TaskRow> build(Connection db, String instance) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select state, step, lease_owner, lease_epoch, attempts, updated::text from tasks
                where resource_id = ?::uuid and kind = 'CREATE_INSTANCE'""")) {
            query.setString(1, instance);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new TaskRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getInt(5), row.getString(6))) : Optional.empty();
            }
        }
    }

    private static int nodesOf(Connection db, String instance) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select count(*) from nodes where instance_id = ?::uuid")) {
            query.setString(1, instance);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Path jar(String property) {
        return Path.of(System.getProperty(property));
    }

    private record TaskRow(String state, String step, String owner, long epoch, int attempts, String updated) {
    }
}
