package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.Report;
import dev.shoal.domain.messaging.ProcessedMessages;
import dev.shoal.domain.node.LastSeenRepository;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
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

    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final LastSeenRepository lastSeen;
    private final ProcessedMessages processed;
    private final MessageCodec codec;
    private final Clock clock;

    public HeartbeatService(NodeRepository nodes, ServiceStatusRepository statuses, LastSeenRepository lastSeen,
                            ProcessedMessages processed, MessageCodec codec, Clock clock) {
        this.nodes = nodes;
        this.statuses = statuses;
        this.lastSeen = lastSeen;
        this.processed = processed;
        this.codec = codec;
        this.clock = clock;
    }

    /** @return whether the message changed anything */
    @Transactional
    public boolean accept(Envelope envelope, byte[] body, String signature) {
        Optional<UUID> nodeId = GuestMessageVerifier.nodeId(envelope);
        Optional<String> rejection = GuestMessageVerifier.rejection(envelope,
                nodeId.flatMap(nodes::findById), body, signature);
        if (rejection.isPresent()) {
            log.warn("dropped {} {}: {}", envelope.type(), envelope.id(), rejection.get());
            return false;
        }
        UUID node = nodeId.orElseThrow();
        if (!processed.markFirstDelivery(CONSUMER, envelope.id())) {
            return false;
        }
        if (!lastSeen.advance(node, envelope.type(), envelope.sentAt())) {
            log.debug("dropped out-of-order {} from node {} sent {}", envelope.type(), node, envelope.sentAt());
            return false;
        }
        ServiceStatusRecord record = statuses.findById(node).orElseGet(() -> new ServiceStatusRecord(node));
        switch (envelope.type()) {
            case MessageTypes.HEARTBEAT -> {
                Heartbeat heartbeat = codec.payload(envelope, Heartbeat.class);
                record.report(heartbeat.serviceStatus(), heartbeat.statusDescription(), envelope.sentAt(),
                        clock.instant());
                record.volume(heartbeat.volumeUsedBytes(), heartbeat.volumeTotalBytes());
            }
            case MessageTypes.REPORT -> {
                Report report = codec.payload(envelope, Report.class);
                if (report.ok()) {
                    return true;
                }
                log.warn("node {}: {} failed: {}", node, report.method(), report.message());
                record.report(ServiceStatus.FAILED, report.method() + " failed: " + report.message(),
                        envelope.sentAt(), clock.instant());
            }
            default -> {
                log.warn("dropped unknown message type {} from node {}", envelope.type(), node);
                return false;
            }
        }
        statuses.save(record);
        return true;
    }
}
