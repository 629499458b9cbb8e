package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.NodeSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A task's life with a real node: resumed after its task manager died, ended by a delete, stopped, failed at its
 * deadline, run once however often it is cast; the build as Prometheus sees it.
 */
class TaskRecoveryIT extends RealGuestTaskSuite {

    @Test
    void resumesATaskWhoseTaskManagerDiedAndBuildsARealNodeThenDeletesIt() {
        UUID instance = newInstance("resumer");
        UUID task = tasks.insert(instance, "CREATE_INSTANCE", "ALLOCATE", Duration.ofMinutes(2));
        jdbc.sql("update tasks set state = 'RUNNING', lease_owner = 'dead-task-manager', attempts = 1, "
                + "lease_until = now() - interval '1 second' where id = ?").param(task).update();

        await("resumed by the scan").atMost(Duration.ofSeconds(60))
                .until(() -> tasks.step(task).equals("AWAIT_ACTIVE"));
        assertThat(jdbc.sql("select lease_owner from tasks where id = ?").param(task).query(String.class).single())
                .isNotEqualTo("dead-task-manager");
        UUID node = nodeOf(instance);
        String stored = jdbc.sql("select secret from nodes where id = ?").param(node).query(String.class).single();
        NodeSecret secret = new NodeSecret(secrets.decrypt(stored));

        playConductorUntilRunning(node, secret);

        await("build completes").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(task).equals("COMPLETED"));
        assertThat(jdbc.sql("select task from nodes where id = ?").param(node).query(String.class).single())
                .isEqualTo("NONE");
        assertMetricsShowTheBuild();
        Path nodeDir = WORK.resolve(node.toString());
        assertThat(nodeDir.resolve("guest.properties")).exists();
        assertThat(jdbc.sql("select enforcement || ': ' || enforcement_message from security_groups where node_id = ?")
                .param(node).query(String.class).single()).as("the default driver says it does not enforce rules")
                .startsWith("NOT_ENFORCED: not enforced").contains("shoal.compute.local.firewall=none");

        UUID delete = tasks.insert(instance, "DELETE_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(delete);

        await("delete completes").atMost(Duration.ofSeconds(60)).until(() -> tasks.state(delete).equals("COMPLETED"));
        assertThat(nodeDir).doesNotExist();
        assertThat(processesUnder(nodeDir)).isZero();
        assertThat(jdbc.sql("select count(*) from nodes where id = ? and deleted_at is not null and ip is null")
                .param(node).query(Long.class).single()).as("address released").isEqualTo(1);
    }

    @Test
    void aDeleteDuringTheBuildEndsTheBuildAndLeavesNothingBehind() {
        UUID instance = newInstance("impatient");
        UUID build = tasks.insert(instance, "CREATE_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(build);
        await("guest started").atMost(Duration.ofSeconds(60)).until(() -> tasks.step(build).equals("AWAIT_ACTIVE"));
        UUID node = nodeOf(instance);

        jdbc.sql("update nodes set task = 'DELETING' where id = ?").param(node).update();
        UUID delete = tasks.insert(instance, "DELETE_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(delete);

        await("both tasks end").atMost(Duration.ofSeconds(60))
                .until(() -> tasks.state(build).equals("COMPLETED") && tasks.state(delete).equals("COMPLETED"));
        assertThat(jdbc.sql("select message from tasks where id = ?").param(build).query(String.class).single())
                .contains("superseded");
        Path nodeDir = WORK.resolve(node.toString());
        assertThat(nodeDir).doesNotExist();
        assertThat(processesUnder(nodeDir)).isZero();
    }

    @Test
    void aStopStopsTheDatastoreUntilARestartStartsItAgain() {
        UUID instance = newInstance("stopped");
        UUID node = built(instance);
        NodeSecret secret = new NodeSecret(secrets.decrypt(jdbc.sql("select secret from nodes where id = ?")
                .param(node).query(String.class).single()));
        Instant stopAsked = Instant.now();

        jdbc.sql("update nodes set task = 'STOPPING' where id = ?").param(node).update();
        UUID stop = tasks.insert(instance, "STOP_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(stop);

        await("stopped").atMost(Duration.ofSeconds(60)).until(() -> tasks.state(stop).equals("COMPLETED"));
        assertThat(jdbc.sql("select task from nodes where id = ?").param(node).query(String.class).single())
                .isEqualTo("NONE");
        playConductorUntil(dev.shoal.contracts.ServiceStatus.SHUTDOWN, node, secret, stopAsked);

        Instant restartAsked = Instant.now();
        jdbc.sql("update nodes set task = 'REBOOTING' where id = ?").param(node).update();
        UUID restart = tasks.insert(instance, "RESTART_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(restart);
        playConductorUntilRunning(node, secret, restartAsked);
        await("restarted").atMost(Duration.ofSeconds(60)).until(() -> tasks.state(restart).equals("COMPLETED"));
    }

    @Test
    void aBuildWhoseGuestNeverReportsFailsAtItsDeadlineWithTheReason() {
        UUID instance = newInstance("sleeper");
        UUID task = tasks.insert(instance, "CREATE_INSTANCE", "AWAIT_ACTIVE", Duration.ofSeconds(2));
        tasks.run(task);

        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.state(task).equals("FAILED"));
        assertThat(jdbc.sql("select error from tasks where id = ?").param(task).query(String.class).single())
                .contains("deadline");
        assertThat(jdbc.sql("select task from nodes where instance_id = ?").param(instance).query(String.class)
                .single()).isEqualTo("BUILDING_ERROR_TIMEOUT_GA");
    }

    @Test
    void theSameRunTaskTwiceRunsTheTaskOnce() {
        UUID instance = newInstance("twice");
        UUID task = tasks.insert(instance, "DELETE_INSTANCE", "START", Duration.ofMinutes(1));

        tasks.run(task);
        tasks.run(task);

        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.state(task).equals("COMPLETED"));
        assertThat(jdbc.sql("select attempts from tasks where id = ?").param(task).query(Integer.class).single())
                .isEqualTo(1);
    }

    /** The build as Prometheus sees it: counted, its steps timed, its node ACTIVE, and no id in any label. */
    private void assertMetricsShowTheBuild() {
        await("the node counted ACTIVE (counts refresh every 10 s)").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(sample(scrape(), "shoal_nodes{status=\"ACTIVE\"}")).isPositive());
        String scrape = scrape();
        assertThat(sample(scrape, "shoal_operations_total{kind=\"CREATE_INSTANCE\",outcome=\"succeeded\"}"))
                .isPositive();
        for (String step : new String[] {"ALLOCATE", "SPAWN", "PREPARE", "AWAIT_ACTIVE"}) {
            assertThat(sample(scrape, "shoal_operation_step_seconds_count{kind=\"CREATE_INSTANCE\",step=\""
                    + step + "\"}")).as(step).isPositive();
        }
        assertThat(scrape.lines()).as("a percentile histogram")
                .anyMatch(line -> line.startsWith("shoal_operation_step_seconds_bucket{kind=\"CREATE_INSTANCE\"")
                        && line.contains("le=\""));
        Matcher labels = Pattern.compile("=\"([^\"]*)\"").matcher(scrape);
        while (labels.find()) {
            assertThat(labels.group(1)).as("a label value").doesNotContainPattern(
                    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    private String scrape() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the sample whose name and labels begin with {@code prefix}, or 0 when there is none. */
    private static double sample(String scrape, String prefix) {
        String selector = prefix.endsWith("}") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return scrape.lines().filter(line -> line.startsWith(selector)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
