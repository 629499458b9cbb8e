package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.guest.StopDb;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.secret.SecretCipher;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.testsupport.LeftoverNodes;
import dev.shoal.testsupport.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The task manager against real PostgreSQL, RabbitMQ, guest agent processes and MariaDB. No conductor runs
 * here: where a workflow waits for the guest, the test plays the conductor and checks the guest's signature.
 */
@Import(TaskRows.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoal.taskmanager.scan-interval=300ms", "shoal.taskmanager.poll-interval=200ms",
        "shoal.compute.local.first-address=127.0.3.1", "shoal.compute.local.heartbeat-interval=1s"})
class TaskRecoveryIT {

    private static final Path WORK = TaskRows.workDir("shoal-taskmanager-it");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    MessageCodec codec;
    @Autowired
    TaskRows tasks;
    @Autowired
    SecretCipher secrets;
    @Autowired
    GuestClient guests;
    @Autowired
    NodeRepository nodes;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_taskmanager_test", "shoal-taskmanager-test");
        registry.add("shoal.compute.local.work-dir", WORK::toString);
    }

    private static long processesUnder(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false)).count();
    }

    @AfterAll
    static void killLeftovers() {
        LeftoverNodes.kill(WORK);
    }

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
    void aCancelledBuildStopsAtItsNextSafePointAndLeavesNoInstanceNodeOrProcessBehind() {
        UUID instance = newInstance("cancelled");
        UUID build = tasks.insert(instance, "CREATE_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(build);
        await("guest started").atMost(Duration.ofSeconds(60)).until(() -> tasks.step(build).equals("AWAIT_ACTIVE"));
        UUID node = nodeOf(instance);
        Path nodeDir = WORK.resolve(node.toString());
        assertThat(nodeDir.resolve("guest.properties")).exists();

        jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(build).update();

        await("cancelled").atMost(Duration.ofSeconds(60)).until(() -> tasks.state(build).equals("CANCELLED"));
        assertThat(jdbc.sql("select message from tasks where id = ?").param(build).query(String.class).single())
                .isEqualTo("Cancelled at step AWAIT_ACTIVE");
        assertThat(jdbc.sql("select name || ' ' || state from operation_steps where task_id = ? order by position")
                .param(build).query(String.class).list())
                .containsExactly("ALLOCATE DONE", "SPAWN DONE", "PREPARE DONE", "AWAIT_ACTIVE CANCELLED", "UNDO DONE");
        assertThat(nodeDir).doesNotExist();
        assertThat(processesUnder(nodeDir)).isZero();
        assertThat(jdbc.sql("select count(*) from nodes where id = ? and deleted_at is not null and ip is null")
                .param(node).query(Long.class).single()).as("node gone, address released").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from instances where id = ? and deleted_at is not null")
                .param(instance).query(Long.class).single()).as("the instance is gone").isEqualTo(1);
    }

    @Test
    void aCancelledConfigurationApplyPutsBackTheGroupAndTheValuesTheNodesRanWith() {
        UUID instance = newInstance("reconfigured");
        UUID node = built(instance);
        UUID before = group("reconfigured", "77");
        UUID after = group("reconfigured", "88");
        jdbc.sql("update instances set configuration_id = ? where id = ?").param(after).param(instance).update();
        UUID applied = tasks.insert(instance, "APPLY_CONFIGURATION", "START", Duration.ofMinutes(2));
        tasks.run(applied);
        await("applied").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(applied).equals("COMPLETED"));
        assertThat(runningMaxConnections(node)).isEqualTo("88");

        UUID cancelled = tasks.insert(instance, "APPLY_CONFIGURATION", "START", Duration.ofMinutes(2));
        jdbc.sql("""
                update tasks set cancel_requested_at = now(),
                       parameters = '{"previous_configuration_id": "%s", "previous_values": {"max_connections": "77"}}'
                 where id = ?""".formatted(before)).param(cancelled).update();
        tasks.run(cancelled);

        await("cancelled").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(cancelled).equals("CANCELLED"));
        assertThat(jdbc.sql("select configuration_id from instances where id = ?").param(instance)
                .query(UUID.class).single()).isEqualTo(before);
        assertThat(runningMaxConnections(node)).as("the node runs the values it had").isEqualTo("77");

        // the same node as a cluster's member: the group's values change, reach it, and a cancelled apply puts back 77
        UUID cluster = UUID.randomUUID();
        jdbc.sql("""
                insert into clusters (id, tenant_id, name, datastore_version_id, flavor_id, volume_size, created,
                                      updated)
                values (?, 'reconfigured', 'ring', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '1', 1, now(), now())
                """).param(cluster).update();
        jdbc.sql("update nodes set instance_id = null, cluster_id = ?, configuration_id = ? where id = ?")
                .param(cluster).param(before).param(node).update();
        jdbc.sql("update configuration_values set value = '66' where configuration_id = ?").param(before).update();
        UUID clusterApplied = clusterTask(cluster, "APPLY_CLUSTER_CONFIGURATION", null);
        tasks.run(clusterApplied);
        await("applied to the cluster").atMost(Duration.ofSeconds(30))
                .until(() -> tasks.state(clusterApplied).equals("COMPLETED"));
        assertThat(runningMaxConnections(node)).isEqualTo("66");

        UUID clusterCancelled = clusterTask(cluster, "APPLY_CLUSTER_CONFIGURATION",
                "{\"previous_configuration_id\": \"%s\", \"previous_values\": {\"max_connections\": \"77\"}}"
                        .formatted(before));
        jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(clusterCancelled).update();
        tasks.run(clusterCancelled);
        await("cluster apply cancelled").atMost(Duration.ofSeconds(30))
                .until(() -> tasks.state(clusterCancelled).equals("CANCELLED"));
        assertThat(runningMaxConnections(node)).as("the member runs the values it had").isEqualTo("77");
    }

    private UUID clusterTask(UUID cluster, String kind, String parameters) {
        UUID task = UUID.randomUUID();
        jdbc.sql("""
                insert into tasks (id, tenant_id, kind, resource_type, resource_id, state, step, parameters, deadline,
                                   created, updated)
                select ?, tenant_id, ?, 'cluster', id, 'PENDING', 'START', ?, now() + interval '2 minutes', now(),
                       now()
                  from clusters where id = ?""").param(task).param(kind).param(parameters).param(cluster).update();
        return task;
    }

    @Test
    void aDeleteCancelledOnceItStoppedTheDatastoreStartsItAgainAndLeavesTheInstanceAsItWas() {
        UUID instance = newInstance("undeleted");
        UUID node = built(instance);
        Node stopped = nodes.findById(node).orElseThrow();
        guests.call(stopped, MessageTypes.STOP_DB, new StopDb(), "stopped-by-the-test", Duration.ofSeconds(60));
        Instant cancelledAt = Instant.now();

        jdbc.sql("update nodes set task = 'DELETING' where id = ?").param(node).update();
        UUID delete = tasks.insert(instance, "DELETE_INSTANCE", "STOP_DB", Duration.ofMinutes(2));
        jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(delete).update();
        tasks.run(delete);

        await("cancelled").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(delete).equals("CANCELLED"));
        assertThat(jdbc.sql("select name || ' ' || state from operation_steps where task_id = ? order by position")
                .param(delete).query(String.class).list()).contains("STOP_DB CANCELLED", "UNDO DONE")
                .doesNotContain("DESTROY DONE");
        assertThat(jdbc.sql("select task from nodes where id = ? and deleted_at is null").param(node)
                .query(String.class).single()).isEqualTo("NONE");
        assertThat(jdbc.sql("select count(*) from instances where id = ? and deleted_at is null").param(instance)
                .query(Long.class).single()).as("the instance stays").isEqualTo(1);
        String stored = jdbc.sql("select secret from nodes where id = ?").param(node).query(String.class).single();
        playConductorUntilRunning(node, new NodeSecret(secrets.decrypt(stored)), cancelledAt);

        // a delete that stopped another operation as it began cannot go back: asked to cancel, it carries on
        jdbc.sql("update nodes set task = 'DELETING' where id = ?").param(node).update();
        UUID again = tasks.insert(instance, "DELETE_INSTANCE", "START", Duration.ofMinutes(2));
        jdbc.sql("""
                update tasks set cancel_requested_at = now(),
                       parameters = '{"stopped_operations": ["%s"], "previous_task": "NONE"}'
                 where id = ?""".formatted(UUID.randomUUID())).param(again).update();
        tasks.run(again);
        await("deleted").atMost(Duration.ofSeconds(60)).until(() -> tasks.state(again).equals("COMPLETED"));
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

    /** A real node built to the end, its guest's RUNNING heartbeat passed on as the conductor would. */
    private UUID built(UUID instance) {
        UUID build = tasks.insert(instance, "CREATE_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(build);
        await("guest started").atMost(Duration.ofSeconds(60)).until(() -> tasks.step(build).equals("AWAIT_ACTIVE"));
        UUID node = nodeOf(instance);
        String stored = jdbc.sql("select secret from nodes where id = ?").param(node).query(String.class).single();
        playConductorUntilRunning(node, new NodeSecret(secrets.decrypt(stored)));
        await("built").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(build).equals("COMPLETED"));
        return node;
    }

    private void playConductorUntilRunning(UUID node, NodeSecret secret) {
        playConductorUntilRunning(node, secret, Instant.EPOCH);
    }

    private void playConductorUntilRunning(UUID node, NodeSecret secret, Instant since) {
        playConductorUntil(dev.shoal.contracts.ServiceStatus.RUNNING, node, secret, since);
    }

    /** What the conductor does: accept the node's signed heartbeat of {@code status}, sent after {@code since}. */
    private void playConductorUntil(dev.shoal.contracts.ServiceStatus status, UUID node, NodeSecret secret,
                                    Instant since) {
        await("signed " + status + " heartbeat").atMost(Duration.ofSeconds(60)).until(() -> {
            Message message = rabbit.receive(Routing.CONDUCTOR_QUEUE, 500);
            if (message == null) {
                return false;
            }
            Object signature = message.getMessageProperties().getHeader(Routing.SIGNATURE_HEADER);
            Envelope envelope = codec.decode(message.getBody());
            if (!node.toString().equals(envelope.nodeId()) || !MessageTypes.HEARTBEAT.equals(envelope.type())) {
                return false;
            }
            assertThat(MessageSigner.verify(secret, message.getBody(), (String) signature)).isTrue();
            Heartbeat heartbeat = codec.payload(envelope, Heartbeat.class);
            if (heartbeat.serviceStatus() != status || envelope.sentAt().isBefore(since)) {
                return false;
            }
            jdbc.sql("""
                    insert into service_statuses (node_id, status, sent_at, updated_at) values (?, ?, ?, now())
                    on conflict (node_id) do update set status = excluded.status, sent_at = excluded.sent_at,
                                                        updated_at = now()""")
                    .param(node).param(status.name()).param(Timestamp.from(envelope.sentAt())).update();
            return true;
        });
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

    private UUID newInstance(String tenant) {
        UUID instance = TaskRows.insertInstance(jdbc, tenant);
        UUID node = UUID.randomUUID();
        jdbc.sql("""
                insert into nodes (id, instance_id, tenant_id, name, datastore_version_id, flavor_id, volume_size,
                                   task, created, updated)
                values (?, ?, ?, 'db', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '1', 1, 'BUILDING', now(), now())
                """).param(node).param(instance).param(tenant).update();
        jdbc.sql("""
                insert into security_groups (id, tenant_id, node_id, instance_id, name, description, is_public,
                                             created, updated)
                values (gen_random_uuid(), ?, ?, ?, 'SecGroup_' || ?, 'Security Group', true, now(), now())
                """).param(tenant).param(node).param(instance).param(instance.toString()).update();
        return instance;
    }

    /** A group of the tenant's for the instances' MariaDB version, setting only max_connections. */
    private UUID group(String tenant, String maxConnections) {
        UUID group = UUID.randomUUID();
        jdbc.sql("""
                insert into configurations (id, tenant_id, name, datastore_version_id, created, updated)
                values (?, ?, ?, '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', now(), now())
                """).param(group).param(tenant).param("connections-" + maxConnections).update();
        jdbc.sql("insert into configuration_values (configuration_id, name, value) values (?, 'max_connections', ?)")
                .param(group).param(maxConnections).update();
        return group;
    }

    private String runningMaxConnections(UUID node) {
        return jdbc.sql("select running_configuration::jsonb ->> 'max_connections' from nodes where id = ?")
                .param(node).query(String.class).single();
    }

    private UUID nodeOf(UUID instance) {
        return jdbc.sql("select id from nodes where instance_id = ?").param(instance).query(UUID.class).single();
    }

}
