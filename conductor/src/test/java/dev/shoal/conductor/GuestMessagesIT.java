package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.ReplicationReport;
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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Guest messages through the real broker into the real database. */
@SpringBootTest(properties = {"shoal.conductor.heartbeat-expiry=3s", "shoal.conductor.sweep-interval=500ms",
        "server.port=0"})
@ExtendWith(OutputCaptureExtension.class)
class GuestMessagesIT {

    private static final UUID MYSQL = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");
    private static final Duration EXPIRY = Duration.ofSeconds(3);
    private static final String DLQ = Routing.deadLetterQueue(Routing.CONDUCTOR_QUEUE);

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

    private final List<Message> deadLetters = new ArrayList<>();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_conductor_test", "shoal-conductor-test");
    }

    @Test
    void signedHeartbeatSetsServiceStatusAndVolume() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant before = Instant.now();
        assertThat(jdbc.sql("select secret from nodes where id = ?").param(node).query(String.class).single())
                .as("the secret the conductor verifies with is stored encrypted").startsWith("v1:")
                .doesNotContain(secret.value());

        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);

        ServiceStatusRecord status = await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node), Optional::isPresent).get();
        assertThat(status.getStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(status.getVolumeUsedBytes()).isEqualTo(4096L);
        assertThat(status.getVolumeTotalBytes()).isEqualTo(1L << 30);
        assertThat(status.getUpdatedAt()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aHeartbeatTellsHowOftenTheServerWasStartedAgainAfterACrashAndAnOlderGuestForgetsNothing() {
        // and whether a master started again unasked awaits its confirmation, which only the latest heartbeat says,
        // and the part an election gave a member, which its stored role follows
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        jdbc.sql("update nodes set role = 'SECONDARY' where id = ?").param(node).update();
        Instant crashed = Instant.parse("2026-12-06T10:15:30Z");
        // the guest's clock runs an hour ahead: the master became unreachable 3 s before it sent
        Instant sent = Instant.now().plus(Duration.ofHours(1));

        send(codec.envelope(MessageTypes.HEARTBEAT, sent, null, null, node.toString(),
                new Heartbeat(ServiceStatus.RUNNING, null, 4096L, 1L << 30, "test", 2, crashed,
                        new ReplicationReport(true, sent.minusSeconds(3), false), Role.PRIMARY)), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).map(ServiceStatusRecord::getRestarts)
                .orElse(null), Integer.valueOf(2)::equals);
        ServiceStatusRecord reported = status(node).orElseThrow();
        assertThat(nodes.findById(node).orElseThrow().getRole()).as("elected primary").isEqualTo(Role.PRIMARY);
        assertThat(reported.getAwaitingConfirmation()).isTrue();
        assertThat(reported.getSyncReplication()).isFalse();
        assertThat(reported.getMasterUnreachableSince()).as("on the conductor's clock")
                .isBetween(Instant.now().minusSeconds(15), Instant.now().minusSeconds(2));
        Instant later = sent.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        send(heartbeat(node, ServiceStatus.RUNNING, later), secret);
        await("the older guest's heartbeat applied").atMost(Duration.ofSeconds(10))
                .until(() -> status(node).map(ServiceStatusRecord::getSentAt).orElse(null), later::equals);

        assertThat(status(node).orElseThrow().getRestarts()).isEqualTo(2);
        assertThat(status(node).orElseThrow().getLastCrash()).isEqualTo(crashed);
        assertThat(status(node).orElseThrow().getAwaitingConfirmation()).isNull();
        assertThat(status(node).orElseThrow().getMasterUnreachableSince()).isNull();
    }

    @Test
    void rejectsHeartbeatSignedWithAnotherNodesSecret(CapturedOutput output) {
        NodeSecret secret = NodeSecret.generate();
        NodeSecret forged = NodeSecret.generate();
        UUID node = newNode(secret);
        double rejected = outcomes("rejected");

        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), forged);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("rejected") > rejected);
        assertThat(status(node)).isEmpty();
        assertThat(output.getOut()).contains("bad signature from node " + node)
                .doesNotContain(secret.value()).doesNotContain(forged.value());
    }

    @Test
    void dropsAHeartbeatFromAnUnknownNode() {
        NodeSecret secret = NodeSecret.generate();
        UUID stranger = UUID.randomUUID();
        double rejected = outcomes("rejected");

        send(heartbeat(stranger, ServiceStatus.RUNNING, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("rejected") > rejected);
        assertThat(status(stranger)).isEmpty();
    }

    @Test
    void olderHeartbeatAfterANewerOneIsDropped() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(heartbeat(node, ServiceStatus.RUNNING, now), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        double outOfOrder = outcomes("out_of_order");

        send(heartbeat(node, ServiceStatus.BLOCKED, now.minusSeconds(1)), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("out_of_order") > outOfOrder);
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(status(node).get().getSentAt()).isEqualTo(now);
    }

    @Test
    void theSameHeartbeatTwiceIsProcessedOnceWithoutARowInProcessedMessages() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Envelope first = heartbeat(node, ServiceStatus.RUNNING, Instant.now());
        send(first, secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        // Were the redelivery applied again, it would pass the database's order check and set RUNNING back: the
        // conductor that accepted it remembers it.
        jdbc.sql("delete from conductor_lastseen where node_id = ?").param(node).update();
        jdbc.sql("update service_statuses set status = 'BLOCKED' where node_id = ?").param(node).update();
        double duplicates = outcomes("duplicate");

        send(first, secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("duplicate") > duplicates);
        assertThat(count("select count(*) from processed_messages where message_id = ?", first.id())).isZero();
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.BLOCKED);
        assertThat(count("select count(*) from conductor_lastseen where node_id = ?", node)).isZero();
    }

    @Test
    void theSameReportTwiceIsProcessedOnceByItsId() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Envelope failed = report(node, false, "disk full", Instant.now());
        send(failed, secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        jdbc.sql("delete from conductor_lastseen where node_id = ?").param(node).update();
        jdbc.sql("update service_statuses set status = 'RUNNING' where node_id = ?").param(node).update();
        double duplicates = outcomes("duplicate");

        send(failed, secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("duplicate") > duplicates);
        assertThat(count("select count(*) from processed_messages where message_id = ?", failed.id())).isEqualTo(1);
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    void unreadableMessageGoesToTheDeadLetterQueueAtOnce() {
        String marker = "not json " + UUID.randomUUID();
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE,
                new Message(marker.getBytes(StandardCharsets.UTF_8), new MessageProperties()));

        Message dead = deadLetter(m -> new String(m.getBody(), StandardCharsets.UTF_8).equals(marker));

        assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains("not a Shoal envelope");
    }

    @Test
    void aTransientDatabaseFailureIsRetriedAndThenApplied() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        String outage = simulateOutage(node, 2);

        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(15)).until(() -> status(node).isPresent());
        assertThat(failedAttempts(outage)).isEqualTo(3);
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredAfterTheBoundedAttempts() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        String outage = simulateOutage(node, Integer.MAX_VALUE);
        Envelope envelope = heartbeat(node, ServiceStatus.RUNNING, Instant.now());

        send(envelope, secret);

        deadLetter(m -> envelope.id().equals(m.getMessageProperties().getMessageId()));
        assertThat(failedAttempts(outage)).isEqualTo(3);
        assertThat(status(node)).isEmpty();
        assertThat(count("select count(*) from processed_messages where message_id = ?", envelope.id())).isZero();
    }

    @Test
    void silentNodeIsMarkedShutdownAfterTheExpiry() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);
        Instant lastHeard = await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node), Optional::isPresent).get().getUpdatedAt();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node).get().getStatus() == ServiceStatus.SHUTDOWN);

        assertThat(Instant.now()).as("not before the expiry").isAfterOrEqualTo(lastHeard.plus(EXPIRY));
        assertThat(status(node).get().getStatusDescription()).contains("no heartbeat since");
    }

    @Test
    void aHeartbeatAppliedWhileTheSweepWaitsForTheRowIsNotOverwritten() throws Exception {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());

        try (Connection heartbeatInFlight = dataSource.getConnection()) {
            // Holds the row as a heartbeat being applied would, from before the node turns silent.
            heartbeatInFlight.setAutoCommit(false);
            execute(heartbeatInFlight, "select status from service_statuses where node_id = ? for update", node);
            await().atMost(Duration.ofSeconds(10)).until(() -> count("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'
                    """) > 0);
            execute(heartbeatInFlight,
                    "update service_statuses set updated_at = clock_timestamp() where node_id = ?", node);
            heartbeatInFlight.commit();
        }

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> status(node).get().getStatus() == ServiceStatus.RUNNING);
    }

    @Test
    void failedPrepareReportMarksTheNodeFailed() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(report(node, false, "no mariadbd found", Instant.now()), secret);

        ServiceStatusRecord status = await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node), Optional::isPresent).get();
        assertThat(status.getStatus()).isEqualTo(ServiceStatus.FAILED);
        assertThat(status.getStatusDescription()).contains("no mariadbd found");
    }

    @Test
    void aHeartbeatDelayedBehindAFailedPrepareDoesNotHideTheFailure() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant now = Instant.now();
        send(report(node, false, "disk full", now), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        double outOfOrder = outcomes("out_of_order");

        send(heartbeat(node, ServiceStatus.BUILD, now.minusSeconds(1)), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("out_of_order") > outOfOrder);
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.FAILED);
    }

    @Test
    void successfulReportIsRecordedWithoutChangingTheStatus() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        double recorded = outcomes("recorded");

        send(report(node, true, null, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("recorded") > recorded);
        assertThat(status(node)).isEmpty();
    }

    private Envelope heartbeat(UUID node, ServiceStatus status, Instant sentAt) {
        return codec.envelope(MessageTypes.HEARTBEAT, sentAt, null, null, node.toString(),
                new Heartbeat(status, null, 4096L, 1L << 30, "test"));
    }

    private Envelope report(UUID node, boolean ok, String message, Instant sentAt) {
        return codec.envelope(MessageTypes.REPORT, sentAt, null, null, node.toString(),
                new Report(MessageTypes.PREPARE, ok, message));
    }

    private void send(Envelope envelope, NodeSecret secret) {
        byte[] body = codec.encode(envelope);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.id());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret, body));
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, new Message(body, properties));
    }

    private Message deadLetter(Predicate<Message> wanted) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Message next = rabbit.receive(DLQ, 200);
            if (next != null) {
                deadLetters.add(next);
            }
            return deadLetters.stream().anyMatch(wanted);
        });
        return deadLetters.stream().filter(wanted).findFirst().orElseThrow();
    }

    /**
     * Makes the database refuse this node's next {@code failures} order checks, as an outage would,
     * counting attempts in a sequence because a sequence survives the rollback of the failed transaction.
     */
    private String simulateOutage(UUID node, int failures) {
        String name = "outage_" + node.toString().replace("-", "");
        jdbc.sql("create sequence " + name).update();
        jdbc.sql("create function " + name + "() returns trigger language plpgsql as $$ begin "
                + "if new.node_id = '" + node + "' and nextval('" + name + "') <= " + failures + " then "
                + "raise exception 'simulated database outage'; end if; return new; end $$").update();
        jdbc.sql("create trigger " + name + " before insert on conductor_lastseen for each row execute function "
                + name + "()").update();
        return name;
    }

    private static void execute(Connection connection, String sql, UUID node) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, node);
            statement.execute();
        }
    }

    private long failedAttempts(String outage) {
        return count("select last_value from " + outage);
    }

    private double outcomes(String outcome) {
        return meters.find("shoal.conductor.messages").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private Optional<ServiceStatusRecord> status(UUID node) {
        return statuses.findById(node);
    }

    private long count(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
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
