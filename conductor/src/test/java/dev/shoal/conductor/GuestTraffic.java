package dev.shoal.conductor;

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
import dev.shoal.testsupport.TestServices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guest messages through the real broker into the real database: what the conductor's suites share, one Spring
 * context, one database and one virtual host for all of them.
 */
@SpringBootTest(properties = {"shoal.conductor.heartbeat-expiry=3s", "shoal.conductor.sweep-interval=500ms",
        "server.port=0"})
@ExtendWith(OutputCaptureExtension.class)
abstract class GuestTraffic {

    static final UUID MYSQL = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");
    static final Duration EXPIRY = Duration.ofSeconds(3);

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
    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_conductor_test", "shoal-conductor-test");
    }

    Envelope heartbeat(UUID node, ServiceStatus status, Instant sentAt) {
        return codec.envelope(MessageTypes.HEARTBEAT, sentAt, null, null, node.toString(),
                new Heartbeat(status, null, 4096L, 1L << 30, "test"));
    }

    Envelope report(UUID node, boolean ok, String message, Instant sentAt) {
        return codec.envelope(MessageTypes.REPORT, sentAt, null, null, node.toString(),
                new Report(MessageTypes.PREPARE, ok, message));
    }

    void send(Envelope envelope, NodeSecret secret) {
        byte[] body = codec.encode(envelope);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.id());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret, body));
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, new Message(body, properties));
    }

    double outcomes(String outcome) {
        return meters.find("shoal.conductor.messages").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    Optional<ServiceStatusRecord> status(UUID node) {
        return statuses.findById(node);
    }

    long count(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    UUID newNode(NodeSecret secret) {
        Instant now = Instant.now();
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.save(new Tenant(tenant, tenant, now));
        Instance instance = instances.save(new Instance(tenant, "db", MYSQL, "1", 1, null, now));
        Node node = Node.forInstance(instance.getId(), tenant, "db", MYSQL, "1", 1, null, now);
        node.placed(node.getId().toString(), null, null, secret, now);
        return nodes.save(node).getId();
    }
}
