package dev.shoal.conductor.heartbeat;

import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.APPLIED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.DUPLICATE;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.OUT_OF_ORDER;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.RECORDED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.REJECTED;

import dev.shoal.contracts.Envelope;
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
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one guest message at once, in one transaction, before it is acknowledged: a heartbeat that changes a node's
 * state, the first one a conductor hears from a node, and reports. The database decides order (and, for reports,
 * duplicates), so that several conductors on one queue agree; a failure leaves nothing written and the redelivery
 * does the work.
 */
@Component
class StatusWriter {

    private static final Logger log = LoggerFactory.getLogger(StatusWriter.class);
    static final String CONSUMER = "conductor";

    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final LastSeenRepository lastSeen;
    private final ProcessedMessages processed;
    private final EntityManager entityManager;
    private final Clock clock;

    StatusWriter(NodeRepository nodes, ServiceStatusRepository statuses, LastSeenRepository lastSeen,
                 ProcessedMessages processed, EntityManager entityManager, Clock clock) {
        this.nodes = nodes;
        this.statuses = statuses;
        this.lastSeen = lastSeen;
        this.processed = processed;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** What a message written at once left in the node's row; {@code written} only when APPLIED. */
    record Written(GuestMessageOutcome outcome, ReportedState written) {
    }

    /**
     * A redelivered heartbeat was sent no later than the last accepted from its node, so the order check drops it
     * without a row per heartbeat in processed_messages.
     */
    @Transactional
    public Written heartbeat(UUID node, Envelope envelope, byte[] body, String signature, Heartbeat heartbeat) {
        if (deletedOrForged(node, envelope, body, signature)) {
            return new Written(REJECTED, null);
        }
        if (!lastSeen.advance(node, envelope.type(), envelope.sentAt())) {
            return new Written(notNewer(node, envelope), null);
        }
        ServiceStatusRecord record = statusOf(node);
        if (sentBeforeRecorded(record, envelope)) {
            return new Written(OUT_OF_ORDER, null);
        }
        record.report(heartbeat.serviceStatus(), ReportedState.truncate(heartbeat.statusDescription()),
                envelope.sentAt(), clock.instant());
        record.volume(heartbeat.volumeUsedBytes(), heartbeat.volumeTotalBytes());
        record.supervision(heartbeat.restarts(), heartbeat.lastCrash());
        record.replication(heartbeat.replication(), envelope.sentAt(), clock.instant());
        followElection(node, heartbeat.electedRole());
        statuses.save(record);
        return new Written(APPLIED, ReportedState.written(record, heartbeat.electedRole()));
    }

    /** Reports are few: each keeps its id in processed_messages. */
    @Transactional
    public GuestMessageOutcome report(UUID node, Envelope envelope, byte[] body, String signature, Report report) {
        if (deletedOrForged(node, envelope, body, signature)) {
            return REJECTED;
        }
        if (!processed.markFirstDelivery(CONSUMER, envelope.id())) {
            log.debug("dropped duplicate {} {} from node {}", envelope.type(), envelope.id(), node);
            return DUPLICATE;
        }
        if (!lastSeen.advance(node, envelope.type(), envelope.sentAt())) {
            log.debug("dropped out-of-order {} from node {} sent {}", envelope.type(), node, envelope.sentAt());
            return OUT_OF_ORDER;
        }
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
        record.report(ServiceStatus.FAILED, ReportedState.truncate("prepare failed: " + report.message()),
                envelope.sentAt(), clock.instant());
        statuses.save(record);
        return APPLIED;
    }

    /** The node is read again, not remembered: nothing is written for a node deleted a moment ago. */
    private boolean deletedOrForged(UUID node, Envelope envelope, byte[] body, String signature) {
        Optional<String> rejection = GuestMessageVerifier.rejection(envelope, nodes.findById(node), body, signature);
        rejection.ifPresent(reason -> log.warn("dropped {} {}: {}", envelope.type(), envelope.id(), reason));
        return rejection.isPresent();
    }

    private GuestMessageOutcome notNewer(UUID node, Envelope envelope) {
        boolean redelivered = lastSeen.lastAccepted(node, envelope.type())
                .filter(envelope.sentAt().truncatedTo(ChronoUnit.MICROS)::equals).isPresent();
        log.debug("dropped {} {} from node {} sent {}", redelivered ? "duplicate" : "out-of-order", envelope.type(),
                node, envelope.sentAt());
        return redelivered ? DUPLICATE : OUT_OF_ORDER;
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
}
