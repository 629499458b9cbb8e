package dev.shoal.conductor.heartbeat;

import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.APPLIED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.DUPLICATE;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.OUT_OF_ORDER;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.RECORDED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.REJECTED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.UNKNOWN_TYPE;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.UNSUPPORTED_VERSION;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MalformedMessageException;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.Report;
import dev.shoal.domain.messaging.ProcessedMessages;
import dev.shoal.domain.node.LastSeenRepository;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each node's service status current from what its guest says, in order and once. */
@Service
public class HeartbeatService {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatService.class);
    static final String CONSUMER = "conductor";
    /** service_statuses.status_description is varchar(1024). */
    private static final int MAX_DESCRIPTION = 1024;

    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final LastSeenRepository lastSeen;
    private final ProcessedMessages processed;
    private final MessageCodec codec;
    private final EntityManager entityManager;
    private final Clock clock;
    private final GuestWireVersions versions = new GuestWireVersions();

    public HeartbeatService(NodeRepository nodes, ServiceStatusRepository statuses, LastSeenRepository lastSeen,
                            ProcessedMessages processed, MessageCodec codec, EntityManager entityManager,
                            Clock clock) {
        this.nodes = nodes;
        this.statuses = statuses;
        this.lastSeen = lastSeen;
        this.processed = processed;
        this.codec = codec;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Verifies, de-duplicates, orders and applies one guest message in one transaction, so a failure
     * leaves nothing marked processed and the redelivery does the work.
     */
    @Transactional
    public GuestMessageOutcome accept(Envelope envelope, byte[] body, String signature) {
        GuestMessageVerifier.requireProcessable(envelope);
        Optional<UUID> nodeId = GuestMessageVerifier.nodeId(envelope);
        Optional<String> rejection = GuestMessageVerifier.rejection(envelope,
                nodeId.flatMap(nodes::findById), body, signature);
        if (rejection.isPresent()) {
            log.warn("dropped {} {}: {}", envelope.type(), envelope.id(), rejection.get());
            return REJECTED;
        }
        UUID node = nodeId.orElseThrow();
        if (!versions.readable(node, envelope)) {
            return UNSUPPORTED_VERSION;
        }
        if (!MessageTypes.HEARTBEAT.equals(envelope.type()) && !MessageTypes.REPORT.equals(envelope.type())) {
            log.warn("dropped unknown message type {} from node {}", envelope.type(), node);
            return UNKNOWN_TYPE;
        }
        if (!processed.markFirstDelivery(CONSUMER, envelope.id())) {
            log.debug("dropped duplicate {} {} from node {}", envelope.type(), envelope.id(), node);
            return DUPLICATE;
        }
        if (!lastSeen.advance(node, envelope.type(), envelope.sentAt())) {
            log.debug("dropped out-of-order {} from node {} sent {}", envelope.type(), node, envelope.sentAt());
            return OUT_OF_ORDER;
        }
        return MessageTypes.HEARTBEAT.equals(envelope.type())
                ? applyHeartbeat(node, envelope, codec.payload(envelope, Heartbeat.class))
                : applyReport(node, envelope, codec.payload(envelope, Report.class));
    }

    private GuestMessageOutcome applyHeartbeat(UUID node, Envelope envelope, Heartbeat heartbeat) {
        if (heartbeat.serviceStatus() == null) {
            throw new MalformedMessageException("heartbeat " + envelope.id() + " has no service status");
        }
        ServiceStatusRecord record = statusOf(node);
        if (sentBeforeRecorded(record, envelope)) {
            return OUT_OF_ORDER;
        }
        record.report(heartbeat.serviceStatus(), truncate(heartbeat.statusDescription()), envelope.sentAt(),
                clock.instant());
        record.volume(heartbeat.volumeUsedBytes(), heartbeat.volumeTotalBytes());
        record.supervision(heartbeat.restarts(), heartbeat.lastCrash());
        record.replication(heartbeat.replication(), envelope.sentAt(), clock.instant());
        followElection(node, heartbeat.electedRole());
        statuses.save(record);
        return APPLIED;
    }

    /**
     * A member whose datastore elects its primary takes the part the election gave it; a part Shoal gave (a master, a
     * seed, an arbiter) or none yet (a cluster still forming) is not the datastore's to change.
     */
    private void followElection(UUID nodeId, Role elected) {
        if (elected != Role.PRIMARY && elected != Role.SECONDARY) {
            return;
        }
        nodes.findById(nodeId).filter(node -> node.getRole() == Role.PRIMARY || node.getRole() == Role.SECONDARY)
                .ifPresent(node -> node.takeRole(elected, clock.instant()));
    }

    private GuestMessageOutcome applyReport(UUID node, Envelope envelope, Report report) {
        // Only a failed prepare changes the status: the task manager's build step waits on it.
        if (report.ok() || !MessageTypes.PREPARE.equals(report.method())) {
            if (!report.ok()) {
                log.warn("node {}: {} failed: {}", node, report.method(), report.message());
            }
            return RECORDED;
        }
        ServiceStatusRecord record = statusOf(node);
        if (sentBeforeRecorded(record, envelope)) {
            return OUT_OF_ORDER;
        }
        log.warn("node {}: prepare failed: {}", node, report.message());
        record.report(ServiceStatus.FAILED, truncate("prepare failed: " + report.message()), envelope.sentAt(),
                clock.instant());
        statuses.save(record);
        return APPLIED;
    }

    /**
     * A heartbeat and a report of one node pass different last-seen rows, so two consumers may apply them
     * at once: the row lock makes the later writer see what the earlier one wrote. Two first messages of
     * a node racing to insert the row end in a key violation, which is retried and then sees the row.
     */
    private ServiceStatusRecord statusOf(UUID node) {
        ServiceStatusRecord record = entityManager.find(ServiceStatusRecord.class, node,
                LockModeType.PESSIMISTIC_WRITE);
        return record != null ? record : new ServiceStatusRecord(node);
    }

    /**
     * Heartbeats and reports are ordered apart (last seen per method), so a heartbeat delayed behind
     * a newer failure report must not overwrite the FAILED it set.
     */
    private static boolean sentBeforeRecorded(ServiceStatusRecord record, Envelope envelope) {
        return record.getSentAt() != null && envelope.sentAt().isBefore(record.getSentAt());
    }

    private static String truncate(String description) {
        return description == null || description.length() <= MAX_DESCRIPTION
                ? description
                : description.substring(0, MAX_DESCRIPTION);
    }
}
