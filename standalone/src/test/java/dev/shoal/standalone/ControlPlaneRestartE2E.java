package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.testsupport.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Databases never notice that their control plane restarted: an ACTIVE MySQL instance is ACTIVE again within two
 * heartbeat intervals of the restarted control plane answering, with the same guest and server processes, and a
 * build caught by the restart finishes; after a clean stop and after {@code kill -9} alike. The standalone jar and
 * the split services are restarted side by side, each on its own addresses, database and broker: most of either
 * scenario is one JVM starting or waiting, so together they take little longer than one.
 */
class ControlPlaneRestartE2E {

    static final String OPERATOR_TOKEN = "shoal_restart-operator-token-0123456789abcdef";
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration READY = Duration.ofMinutes(5);

    /** The services' settings for a test: short intervals, nodes on addresses of their own, no firewall. */
    static List<String> settings(String firstAddress, Path nodesDir) {
        return List.of(
                // quick to start on two cores; the suites measure recovery, not throughput
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dshoal.compute.local.first-address=" + firstAddress,
                "-Dshoal.compute.local.work-dir=" + nodesDir,
                "-Dshoal.compute.local.heartbeat-interval=" + HEARTBEAT.toSeconds() + "s",
                "-Dshoal.conductor.heartbeat-expiry=" + HEARTBEAT.multipliedBy(3).toSeconds() + "s",
                "-Dshoal.conductor.sweep-interval=500ms",
                "-Dshoal.api.heartbeat-expiry=" + HEARTBEAT.multipliedBy(3).toSeconds() + "s",
                "-Dshoal.api.bootstrap-token=" + OPERATOR_TOKEN,
                // what a killed task manager held is taken over once its lease runs out
                "-Dshoal.taskmanager.lease-duration=15s");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theStandaloneKeepsItsNodesThroughACleanStopAndAKill() throws Exception {
        new Scenario(RestartedControlPlanes.standalone()).run();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theSplitServicesKeepTheirNodesThroughACleanStopAndAKill() throws Exception {
        new Scenario(RestartedControlPlanes.split()).run();
    }

    /** One control plane's restarts, with an ACTIVE instance and a build caught by each. */
    private record Scenario(RestartedControlPlanes.Setup setup) {

        void run() throws Exception {
            try (ControlPlane plane = setup.controlPlane()) {
                plane.start().awaitReady(READY);
                ShoalHttp http = new ShoalHttp(plane.apiUrl());
                String token = http.newTenant(OPERATOR_TOKEN, setup.tenant());
                List<String> instances = new ArrayList<>();
                String serving = create(http, token, "serving");
                instances.add(serving);
                awaitStatus(http, token, serving, "ACTIVE", Duration.ofMinutes(2));
                Path servingDir = NodeDirectories.at(setup.nodesDir(), ip(http, token, serving));
                Set<Long> servingProcesses = NodeDirectories.processesOf(servingDir);
                assertThat(servingProcesses).as("guest agent and mariadbd").hasSize(2);
                assertThat(role(http, token, serving)).isEqualTo("master");

                for (Restart restart : Restart.values()) {
                    String building = create(http, token, "building-" + restart.name().toLowerCase());
                    instances.add(building);
                    if (restart == Restart.KILL) {
                        // caught mid-build: its guest runs, its prepare may be on its way
                        await("guest of the build started").atMost(Duration.ofSeconds(60))
                                .pollInterval(Duration.ofMillis(50)).until(() -> guestStarted(http, token, building));
                    }
                    restart.apply(plane);
                    plane.start();
                    Duration ready = plane.awaitReady(READY);
                    Instant answering = Instant.now();

                    awaitStatus(http, token, serving, "ACTIVE", HEARTBEAT.multipliedBy(2));
                    System.out.printf("%s, %s: ready %d ms after start; the ACTIVE instance ACTIVE again %d ms"
                                    + " after the api answered%n", setup.name(), restart, ready.toMillis(),
                            Duration.between(answering, Instant.now()).toMillis());
                    awaitStatus(http, token, building, "ACTIVE", Duration.ofMinutes(2));
                    System.out.printf("%s, %s: the build in flight ACTIVE %d ms after the api answered%n",
                            setup.name(), restart, Duration.between(answering, Instant.now()).toMillis());

                    assertThat(NodeDirectories.processesOf(servingDir)).as("no process of the ACTIVE node restarted")
                            .isEqualTo(servingProcesses);
                    assertThat(role(http, token, serving)).as("the stored role outlives the control plane")
                            .isEqualTo("master");
                    Path buildingDir = NodeDirectories.at(setup.nodesDir(), ip(http, token, building));
                    assertThat(NodeDirectories.processesOf(buildingDir)).as("guest agent and mariadbd").hasSize(2);
                    assertThat(guestStarts(buildingDir)).as("the build's guest agent started once").isEqualTo(1);
                }

                for (String id : instances) {
                    assertThat(http.send("DELETE", path(id), token, null).status()).isEqualTo(202);
                }
                for (String id : instances) {
                    await("instance deleted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                            .until(() -> http.send("GET", path(id), token, null).status() == 404);
                }
                assertThat(NodeDirectories.processesUnder(setup.nodesDir())).as("node processes left").isZero();
                plane.stop();
            }
        }

        private String create(ShoalHttp http, String token, String name) {
            ShoalHttp.Response created = http.send("POST", "/v1.0/" + setup.tenant() + "/instances", token, """
                    {"instance": {"name": "%s", "datastore": {"type": "mysql"}, "flavorRef": "1",
                                  "volume": {"size": 1}}}""".formatted(name));
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            return created.json().path("instance").path("id").asString();
        }

        private boolean guestStarted(ShoalHttp http, String token, String id) throws IOException {
            String ip = ip(http, token, id);
            return !ip.isEmpty() && Files.isDirectory(setup.nodesDir()) && NodeDirectories.find(setup.nodesDir(), ip)
                    .map(dir -> Files.exists(dir.resolve("guest.pid"))).orElse(false);
        }

        private String role(ShoalHttp http, String token, String id) {
            return http.send("GET", path(id), token, null).json().path("instance").path("role").asString("");
        }

        private String ip(ShoalHttp http, String token, String id) {
            return http.send("GET", path(id), token, null).json().path("instance").path("ip").path(0).asString("");
        }

        private void awaitStatus(ShoalHttp http, String token, String id, String wanted, Duration within) {
            await(id + " " + wanted).atMost(within).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.send("GET", path(id), token, null).json().path("instance").path("status")
                            .asString(), status -> status.equals(wanted) || status.equals("ERROR"));
            ShoalHttp.Response shown = http.send("GET", path(id), token, null);
            assertThat(shown.json().path("instance").path("status").asString()).as(shown.body()).isEqualTo(wanted);
        }

        private String path(String id) {
            return "/v1.0/" + setup.tenant() + "/instances/" + id;
        }
    }

    private static long guestStarts(Path nodeDir) throws IOException {
        Pattern serving = Pattern.compile("guest agent of node \\S+ serving");
        try (var lines = Files.lines(nodeDir.resolve("guest.log"))) {
            return lines.filter(line -> serving.matcher(line).find()).count();
        }
    }

    enum Restart {
        CLEAN {
            @Override
            void apply(ControlPlane plane) {
                plane.stop();
            }
        },
        KILL {
            @Override
            void apply(ControlPlane plane) {
                plane.kill();
            }
        };

        abstract void apply(ControlPlane plane);
    }
}
