package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.Report;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.tenant.Tenant;
import dev.shoal.domain.tenant.TenantRepository;
import dev.shoal.testsupport.TestBroker;
import dev.shoal.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Guest messages through the real broker into the real database. */
@SpringBootTest(properties = {"shoal.conductor.heartbeat-expiry=3s", "shoal.conductor.sweep-interval=500ms",
        "server.port=0"})
class GuestMessagesIT {

    private static final UUID MYSQL = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    MessageCodec codec;
    @Autowired
    TenantRepository tenants;
    @Autowired
    InstanceRepository instances;
    @Autowired
    NodeRepository nodes;
    @Autowired
    ServiceStatusRepository statuses;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.fresh("shoal_conductor_test"));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("spring.rabbitmq.addresses", () -> TestBroker.fresh("shoal-conductor-test",
                "conductor", "conductor.dlq", "taskmanager", "taskmanager.dlq"));
    }

    @Test
    void signedHeartbeatSetsServiceStatusAndVolume() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);

        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(status(node).get().getVolumeUsedBytes()).isEqualTo(4096L);
    }

    @Test
    void heartbeatSignedWithAnotherNodesSecretChangesNothing() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), NodeSecret.generate());
        UUID marker = newNode(secret);
        send(heartbeat(marker, ServiceStatus.RUNNING, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(marker).isPresent());
        assertThat(status(node)).isEmpty();
    }

    @Test
    void olderHeartbeatAfterANewerOneIsDropped() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        send(heartbeat(node, ServiceStatus.RUNNING, now), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());

        send(heartbeat(node, ServiceStatus.BLOCKED, now.minusSeconds(1)), secret);
        send(heartbeat(node, ServiceStatus.SHUTDOWN, now.plusMillis(1)), secret);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node).map(s -> s.getSentAt().equals(now.plusMillis(1))).orElse(false));
        assertThat(status(node).get().getStatus()).as("the older BLOCKED never applied").isEqualTo(
                ServiceStatus.SHUTDOWN);
        assertThat(count("select count(*) from processed_messages")).isPositive();
    }

    @Test
    void theSameMessageTwiceIsProcessedOnce() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Envelope first = heartbeat(node, ServiceStatus.RUNNING, Instant.now());
        send(first, secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        jdbc.sql("delete from conductor_lastseen where node_id = ?").param(node).update();
        jdbc.sql("update service_statuses set status = 'BLOCKED' where node_id = ?").param(node).update();

        send(first, secret);
        Envelope later = heartbeat(node, ServiceStatus.SHUTDOWN, Instant.now().plusSeconds(1));
        send(later, secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).get().getStatus() == ServiceStatus.SHUTDOWN);
        assertThat(count("select count(*) from processed_messages where message_id = '" + first.id() + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from conductor_lastseen where node_id = '" + node + "' and sent < '"
                + later.sentAt() + "'")).as("the duplicate did not advance anything").isZero();
    }

    @Test
    void unreadableMessageGoesToTheDeadLetterQueue() {
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE,
                new Message("not json".getBytes(StandardCharsets.UTF_8), new MessageProperties()));

        Message dead = rabbit.receive(Routing.deadLetterQueue(Routing.CONDUCTOR_QUEUE), 10_000);

        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("not json");
    }

    @Test
    void silentNodeIsMarkedShutdownAfterTheExpiry() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node).get().getStatus() == ServiceStatus.SHUTDOWN);
    }

    @Test
    void failedPrepareReportMarksTheNodeFailed() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(codec.envelope(MessageTypes.REPORT, Instant.now(), null, "t", node.toString(),
                new Report("prepare", false, "no mariadbd found")), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.FAILED);
        assertThat(status(node).get().getStatusDescription()).contains("no mariadbd found");
    }

    private Envelope heartbeat(UUID node, ServiceStatus status, Instant sentAt) {
        return codec.envelope(MessageTypes.HEARTBEAT, sentAt, null, null, node.toString(),
                new Heartbeat(status, null, 4096L, 1L << 30, "test"));
    }

    private void send(Envelope envelope, NodeSecret secret) {
        byte[] body = codec.encode(envelope);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.id());
        properties.setHeader(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret, body));
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, new Message(body, properties));
    }

    private Optional<ServiceStatusRecord> status(UUID node) {
        return statuses.findById(node);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private UUID newNode(NodeSecret secret) {
        Instant now = Instant.now();
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.save(new Tenant(tenant, tenant, now));
        Instance instance = instances.save(new Instance(tenant, "db", MYSQL, "1", 1, null, now));
        Node node = Node.forInstance(instance.getId(), tenant, "db", MYSQL, "1", 1, null, now);
        node.placed(node.getId().toString(), null, null, secret, now);
        return nodes.save(node).getId();
    }
}
