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
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.secret.SecretCipher;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.testsupport.LeftoverNodes;
import dev.shoal.testsupport.TestServices;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
 * What the task manager's suites with real guests share: the task manager against real PostgreSQL, RabbitMQ, guest
 * agent processes and MariaDB, in one context. No conductor runs here: where a workflow waits for the guest, the test
 * plays the conductor and checks the guest's signature.
 */
@Import(TaskRows.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoal.taskmanager.scan-interval=300ms", "shoal.taskmanager.poll-interval=200ms",
        "shoal.compute.local.first-address=127.0.3.1", "shoal.compute.local.heartbeat-interval=1s"})
abstract class RealGuestTaskSuite {

    static final Path WORK = TaskRows.workDir("shoal-taskmanager-it");

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

    static long processesUnder(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false)).count();
    }

    @AfterAll
    static void killLeftovers() {
        LeftoverNodes.kill(WORK);
    }

    /** A real node built to the end, its guest's RUNNING heartbeat passed on as the conductor would. */
    UUID built(UUID instance) {
        UUID build = tasks.insert(instance, "CREATE_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(build);
        await("guest started").atMost(Duration.ofSeconds(60)).until(() -> tasks.step(build).equals("AWAIT_ACTIVE"));
        UUID node = nodeOf(instance);
        String stored = jdbc.sql("select secret from nodes where id = ?").param(node).query(String.class).single();
        playConductorUntilRunning(node, new NodeSecret(secrets.decrypt(stored)));
        await("built").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(build).equals("COMPLETED"));
        return node;
    }

    void playConductorUntilRunning(UUID node, NodeSecret secret) {
        playConductorUntilRunning(node, secret, Instant.EPOCH);
    }

    void playConductorUntilRunning(UUID node, NodeSecret secret, Instant since) {
        playConductorUntil(dev.shoal.contracts.ServiceStatus.RUNNING, node, secret, since);
    }

    /** What the conductor does: accept the node's signed heartbeat of {@code status}, sent after {@code since}. */
    void playConductorUntil(dev.shoal.contracts.ServiceStatus status, UUID node, NodeSecret secret,
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

    UUID newInstance(String tenant) {
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
    UUID group(String tenant, String maxConnections) {
        UUID group = UUID.randomUUID();
        jdbc.sql("""
                insert into configurations (id, tenant_id, name, datastore_version_id, created, updated)
                values (?, ?, ?, '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', now(), now())
                """).param(group).param(tenant).param("connections-" + maxConnections).update();
        jdbc.sql("insert into configuration_values (configuration_id, name, value) values (?, 'max_connections', ?)")
                .param(group).param(maxConnections).update();
        return group;
    }

    String runningMaxConnections(UUID node) {
        return jdbc.sql("select running_configuration::jsonb ->> 'max_connections' from nodes where id = ?")
                .param(node).query(String.class).single();
    }

    UUID nodeOf(UUID instance) {
        return jdbc.sql("select id from nodes where instance_id = ?").param(instance).query(UUID.class).single();
    }
}
