package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.tenant.Tenant;
import dev.shoal.domain.tenant.TenantRepository;
import dev.shoal.testsupport.TestServices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guests outlive the control plane: a guest of the release before keeps being heard, one newer than the
 * conductor is not. {@code wire/heartbeat-v1.json} is a heartbeat exactly as a wire version 1 guest encodes it,
 * with its id, sent time and node left to fill in; the test signs it with the node's secret as the guest would.
 */
@SpringBootTest(properties = {"shoal.conductor.heartbeat-expiry=3s", "shoal.conductor.sweep-interval=500ms",
        "server.port=0"})
@ExtendWith(OutputCaptureExtension.class)
class GuestWireVersionsIT {

    private static final UUID MYSQL = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    TenantRepository tenants;
    @Autowired
    InstanceRepository instances;
    @Autowired
    NodeRepository nodes;
    @Autowired
    ServiceStatusRepository statuses;
    @Autowired
    MeterRegistry meters;

    /** Its own virtual host, so the conductor of another suite's cached context never takes these messages. */
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_conductor_test", "shoal-conductor-versions-test");
    }

    @Test
    void heartbeatsOfThePreviousReleaseUpdateTheNodeAndItsOldGuestIsToldOfOnce(CapturedOutput output)
            throws IOException {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        Instant second = first.plusMillis(500);

        send(previousRelease(node, first), secret);
        ServiceStatusRecord status = await().atMost(BOUND).until(() -> status(node), Optional::isPresent).get();
        assertThat(status.getStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(status.getVolumeUsedBytes()).isEqualTo(52_428_800L);
        assertThat(status.getVolumeTotalBytes()).isEqualTo(1L << 30);

        send(previousRelease(node, second), secret);
        await().atMost(BOUND).until(() -> second.equals(status(node).get().getSentAt()));

        assertThat(Pattern.compile(Pattern.quote("node " + node + " runs an old guest (wire version 1)"))
                .matcher(output.getOut()).results().count()).isEqualTo(1);
    }

    @Test
    void aHeartbeatOfAWireVersionLaterThanTheConductorKnowsIsDropped(CapturedOutput output) throws IOException {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        double unsupported = outcomes("unsupported_version");
        String later = previousRelease(node, Instant.now())
                .replace("\"version\":1", "\"version\":" + (Envelope.CURRENT_VERSION + 1))
                .replace("\"agentVersion\":\"dev\"", "\"agentVersion\":\"9.0.0\",\"somethingNew\":true");

        send(later, secret);

        await().atMost(BOUND).until(() -> outcomes("unsupported_version") > unsupported);
        assertThat(status(node)).isEmpty();
        assertThat(output.getOut()).contains("from node " + node + ": wire version 3")
                .doesNotContain("node " + node + " runs an old guest");
    }

    private String previousRelease(UUID node, Instant sentAt) throws IOException {
        try (InputStream fixture = getClass().getResourceAsStream("/wire/heartbeat-v1.json")) {
            assertThat(fixture).as("wire/heartbeat-v1.json").isNotNull();
            return new String(fixture.readAllBytes(), StandardCharsets.UTF_8).strip()
                    .replace("${id}", Envelope.newId())
                    .replace("${sentAt}", sentAt.toString())
                    .replace("${nodeId}", node.toString());
        }
    }

    private void send(String json, NodeSecret secret) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret, body));
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, new Message(body, properties));
    }

    private double outcomes(String outcome) {
        return meters.find("shoal.conductor.messages").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private Optional<ServiceStatusRecord> status(UUID node) {
        return statuses.findById(node);
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
