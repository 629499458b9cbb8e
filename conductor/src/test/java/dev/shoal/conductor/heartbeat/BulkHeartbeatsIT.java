package dev.shoal.conductor.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.conductor.ConductorProperties;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Heartbeats that change nothing but last-seen times and volume usage, written in bulk, beside changes written at
 * once, with one or two conductors on one database. The scheduled flush waits an hour here: the tests flush.
 */
@SpringBootTest(properties = {"shoal.conductor.heartbeat-expiry=3s", "shoal.conductor.sweep-interval=500ms",
        "shoal.conductor.flush-interval=1h", "server.port=0"})
class BulkHeartbeatsIT {

    private static final UUID MYSQL = UUID.fromString("7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11");
    private static final Duration EXPIRY = Duration.ofSeconds(3);

    @Autowired
    HeartbeatService conductor;
    @Autowired
    ConductorProperties properties;
    @Autowired
    HeartbeatFlusher flusher;
    @Autowired
    StatusWriter writer;
    @Autowired
    HeartbeatRows rows;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MessageCodec codec;
    @Autowired
    Clock clock;
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
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_conductor_bulk_test", "shoal-conductor-bulk-test");
    }

    @Test
    void anUnchangedHeartbeatWaitsForTheFlushWhileAChangeIsWrittenAtOnce() {
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L)).isEqualTo(GuestMessageOutcome.APPLIED);

        assertThat(accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 200L))
                .isEqualTo(GuestMessageOutcome.COALESCED);
        assertThat(status(guest).getVolumeUsedBytes()).as("not before the flush").isEqualTo(100L);

        assertThat(accept(conductor, guest, ServiceStatus.BLOCKED, t0.plusSeconds(2), 300L))
                .isEqualTo(GuestMessageOutcome.APPLIED);
        assertThat(status(guest).getStatus()).as("without a flush").isEqualTo(ServiceStatus.BLOCKED);
        assertThat(status(guest).getSentAt()).isEqualTo(t0.plusSeconds(2));

        flusher.flush();

        assertThat(status(guest).getStatus()).as("the older buffered heartbeat is not written over it")
                .isEqualTo(ServiceStatus.BLOCKED);
        assertThat(status(guest).getVolumeUsedBytes()).isEqualTo(300L);
        assertThat(lastSeen(guest)).isEqualTo(t0.plusSeconds(2));
    }

    @Test
    void aFlushWritesTheNewestOfTheBufferedHeartbeatsAndTheLastSeenTime() {
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L);
        accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(2), 300L);
        Instant received = Instant.now();
        accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 200L);

        flusher.flush();

        assertThat(status(guest).getVolumeUsedBytes()).isEqualTo(300L);
        assertThat(status(guest).getSentAt()).isEqualTo(t0.plusSeconds(2));
        assertThat(status(guest).getUpdatedAt()).as("expiry is measured from it")
                .isAfterOrEqualTo(received.truncatedTo(ChronoUnit.MILLIS));
        assertThat(lastSeen(guest)).isEqualTo(t0.plusSeconds(2));
    }

    @Test
    void anOlderHeartbeatFlushedByAnotherConductorLeavesTheNewerValues() {
        Conductor other = anotherConductor();
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L);
        accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 200L);

        assertThat(accept(other.service(), guest, ServiceStatus.RUNNING, t0.plusSeconds(2), 300L))
                .as("its first heartbeat from the node").isEqualTo(GuestMessageOutcome.APPLIED);
        assertThat(accept(other.service(), guest, ServiceStatus.RUNNING, t0.plusSeconds(4), 500L))
                .isEqualTo(GuestMessageOutcome.COALESCED);
        assertThat(accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(3), 400L))
                .isEqualTo(GuestMessageOutcome.COALESCED);
        other.flusher().flush();
        flusher.flush();

        assertThat(status(guest).getVolumeUsedBytes()).isEqualTo(500L);
        assertThat(status(guest).getSentAt()).isEqualTo(t0.plusSeconds(4));
        assertThat(lastSeen(guest)).isEqualTo(t0.plusSeconds(4));
    }

    @Test
    void aChangeAnotherConductorWroteIsKeptUntilANewerHeartbeatSaysOtherwise() {
        Conductor other = anotherConductor();
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L);
        accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 100L);

        accept(other.service(), guest, ServiceStatus.BLOCKED, t0.plusSeconds(2), 100L);
        flusher.flush();
        assertThat(status(guest).getStatus()).isEqualTo(ServiceStatus.BLOCKED);

        assertThat(accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(3), 100L))
                .as("the same as this conductor last wrote").isEqualTo(GuestMessageOutcome.COALESCED);
        flusher.flush();
        assertThat(status(guest).getStatus()).as("the newest heartbeat, written whole")
                .isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    void aNodeMarkedShutdownThatHeartbeatsAgainIsRunningAfterOneFlush() {
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L);
        await("the sweep").atMost(Duration.ofSeconds(10))
                .until(() -> status(guest).getStatus() == ServiceStatus.SHUTDOWN);

        assertThat(accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(5), 100L))
                .as("this conductor still remembers RUNNING").isEqualTo(GuestMessageOutcome.COALESCED);
        flusher.flush();

        assertThat(status(guest).getStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(status(guest).getStatusDescription()).isNull();
    }

    @Test
    void aNodeSilentWhileOthersHeartbeatStillExpires() {
        List<Guest> busy = IntStream.range(0, 20).mapToObj(i -> newGuest()).toList();
        Guest silent = newGuest();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        accept(conductor, silent, ServiceStatus.RUNNING, start, 100L);
        Instant lastHeard = status(silent).getUpdatedAt();
        busy.forEach(guest -> accept(conductor, guest, ServiceStatus.RUNNING, start, 100L));

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Instant now = Instant.now();
            busy.forEach(guest -> accept(conductor, guest, ServiceStatus.RUNNING, now, 100L));
            flusher.flush();
            return status(silent).getStatus() == ServiceStatus.SHUTDOWN;
        });

        assertThat(Instant.now()).as("not before the expiry").isAfterOrEqualTo(lastHeard.plus(EXPIRY));
        assertThat(busy).allSatisfy(guest -> assertThat(status(guest).getStatus()).isEqualTo(ServiceStatus.RUNNING));
    }

    @Test
    void aRedeliveredHeartbeatIsDroppedWithoutARowInProcessedMessages() {
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Envelope first = heartbeat(guest, ServiceStatus.RUNNING, t0, 100L);
        Envelope second = heartbeat(guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 200L);
        send(first, guest);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.findById(guest.id()).isPresent());
        double duplicates = outcomes("duplicate");
        double coalesced = outcomes("coalesced");

        send(second, guest);
        send(second, guest);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("duplicate") > duplicates);
        assertThat(outcomes("coalesced") - coalesced).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from processed_messages where message_id in (?, ?)")
                .params(first.id(), second.id()).query(Long.class).single()).isZero();
        flusher.flush();
        assertThat(status(guest).getVolumeUsedBytes()).isEqualTo(200L);
        assertThat(accept(anotherConductor().service(), guest, second))
                .as("at a conductor started since, by the last-seen time").isEqualTo(GuestMessageOutcome.DUPLICATE);
    }

    @Test
    void aFlushLeavesADeletedNodesRowAlone() {
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L);
        accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 200L);
        jdbc.sql("update nodes set deleted_at = now() where id = ?").param(guest.id()).update();

        flusher.flush();

        assertThat(status(guest).getVolumeUsedBytes()).isEqualTo(100L);
        assertThat(accept(conductor, guest, ServiceStatus.BLOCKED, t0.plusSeconds(2), 300L))
                .as("a change reads the node again").isEqualTo(GuestMessageOutcome.REJECTED);
        assertThat(status(guest).getStatus()).isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    void aCleanStopWritesWhatIsBuffered() {
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L);
        accept(conductor, guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 200L);

        flusher.stop();
        flusher.start();

        assertThat(status(guest).getVolumeUsedBytes()).isEqualTo(200L);
    }

    @Test
    void aConductorStartingSeedsItsMemoryFromTheDatabaseSoAnUnchangedHeartbeatWaitsForTheFlush() {
        Guest guest = newGuest();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(accept(conductor, guest, ServiceStatus.RUNNING, t0, 100L)).isEqualTo(GuestMessageOutcome.APPLIED);
        Conductor unseeded = anotherConductor();
        Conductor seeded = anotherConductor();

        new NodeMemorySeed(jdbc, seeded.memory()).seed();

        assertThat(accept(unseeded.service(), guest, ServiceStatus.RUNNING, t0.plusSeconds(1), 200L))
                .as("a node unknown to a conductor").isEqualTo(GuestMessageOutcome.APPLIED);
        assertThat(accept(seeded.service(), guest, ServiceStatus.RUNNING, t0, 100L))
                .as("sent when what the database holds was").isEqualTo(GuestMessageOutcome.DUPLICATE);
        assertThat(accept(seeded.service(), guest, ServiceStatus.RUNNING, t0.plusSeconds(2), 300L))
                .isEqualTo(GuestMessageOutcome.COALESCED);
        assertThat(accept(seeded.service(), guest, ServiceStatus.FAILED, t0.plusSeconds(3), 400L))
                .isEqualTo(GuestMessageOutcome.APPLIED);
        assertThat(status(guest).getStatus()).isEqualTo(ServiceStatus.FAILED);
    }

    /** A second conductor process: its own memory, buffer and flush, on the same database. */
    private record Conductor(HeartbeatService service, HeartbeatFlusher flusher, NodeMemory memory) {
    }

    private Conductor anotherConductor() {
        HeartbeatBuffer buffer = new HeartbeatBuffer();
        NodeMemory memory = new NodeMemory();
        return new Conductor(new HeartbeatService(new NodeKeys(nodes), memory, buffer, writer, codec, clock),
                new HeartbeatFlusher(buffer, rows, transactions, properties), memory);
    }

    private record Guest(UUID id, NodeSecret secret) {
    }

    private GuestMessageOutcome accept(HeartbeatService service, Guest guest, ServiceStatus status, Instant sentAt,
                                       long volumeUsed) {
        return accept(service, guest, heartbeat(guest, status, sentAt, volumeUsed));
    }

    private GuestMessageOutcome accept(HeartbeatService service, Guest guest, Envelope envelope) {
        byte[] body = codec.encode(envelope);
        return service.accept(envelope, body, MessageSigner.sign(guest.secret(), body));
    }

    private Envelope heartbeat(Guest guest, ServiceStatus status, Instant sentAt, long volumeUsed) {
        return codec.envelope(MessageTypes.HEARTBEAT, sentAt, null, null, guest.id().toString(),
                new Heartbeat(status, null, volumeUsed, 1L << 30, "test"));
    }

    private void send(Envelope envelope, Guest guest) {
        byte[] body = codec.encode(envelope);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.id());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(Routing.SIGNATURE_HEADER, MessageSigner.sign(guest.secret(), body));
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, new Message(body, properties));
    }

    private ServiceStatusRecord status(Guest guest) {
        return statuses.findById(guest.id()).orElseThrow();
    }

    private Instant lastSeen(Guest guest) {
        return jdbc.sql("select sent from conductor_lastseen where node_id = ? and method_name = 'heartbeat'")
                .param(guest.id()).query(java.sql.Timestamp.class).single().toInstant();
    }

    private double outcomes(String outcome) {
        return meters.find("shoal.conductor.messages").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private Guest newGuest() {
        NodeSecret secret = NodeSecret.generate();
        Instant now = Instant.now();
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.save(new Tenant(tenant, tenant, now));
        Instance instance = instances.save(new Instance(tenant, "db", MYSQL, "1", 1, null, now));
        Node node = Node.forInstance(instance.getId(), tenant, "db", MYSQL, "1", 1, null, now);
        node.placed(node.getId().toString(), null, null, secret, now);
        return new Guest(nodes.save(node).getId(), secret);
    }
}
