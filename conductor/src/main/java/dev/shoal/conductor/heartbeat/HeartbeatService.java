package dev.shoal.conductor.heartbeat;

import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.APPLIED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.COALESCED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.DUPLICATE;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.OUT_OF_ORDER;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.REJECTED;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.UNKNOWN_TYPE;
import static dev.shoal.conductor.heartbeat.GuestMessageOutcome.UNSUPPORTED_VERSION;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MalformedMessageException;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.Report;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each node's service status current from what its guest says, in order and once. A heartbeat that changes
 * what others read as the node's state is written at once; one that only moves its last-seen time and volume usage
 * is remembered and written with the others by the {@link HeartbeatFlusher}.
 */
@Service
public class HeartbeatService {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatService.class);

    private final NodeKeys keys;
    private final NodeMemory memory;
    private final HeartbeatBuffer buffer;
    private final StatusWriter writer;
    private final MessageCodec codec;
    private final Clock clock;
    private final GuestWireVersions versions = new GuestWireVersions();

    HeartbeatService(NodeKeys keys, NodeMemory memory, HeartbeatBuffer buffer, StatusWriter writer,
                     MessageCodec codec, Clock clock) {
        this.keys = keys;
        this.memory = memory;
        this.buffer = buffer;
        this.writer = writer;
        this.codec = codec;
        this.clock = clock;
    }

    public GuestMessageOutcome accept(Envelope envelope, byte[] body, String signature) {
        GuestMessageVerifier.requireProcessable(envelope);
        Optional<UUID> nodeId = GuestMessageVerifier.nodeId(envelope);
        Optional<String> rejection = rejection(envelope, nodeId, body, signature);
        if (rejection.isPresent()) {
            log.warn("dropped {} {}: {}", envelope.type(), envelope.id(), rejection.get());
            return REJECTED;
        }
        UUID node = nodeId.orElseThrow();
        if (!versions.readable(node, envelope)) {
            return UNSUPPORTED_VERSION;
        }
        if (MessageTypes.HEARTBEAT.equals(envelope.type())) {
            return heartbeat(node, envelope, body, signature, codec.payload(envelope, Heartbeat.class));
        }
        if (MessageTypes.REPORT.equals(envelope.type())) {
            GuestMessageOutcome outcome = writer.report(node, envelope, body, signature,
                    codec.payload(envelope, Report.class));
            if (outcome == APPLIED) {
                memory.forget(node);
            }
            return outcome;
        }
        log.warn("dropped unknown message type {} from node {}", envelope.type(), node);
        return UNKNOWN_TYPE;
    }

    private GuestMessageOutcome heartbeat(UUID node, Envelope envelope, byte[] body, String signature,
                                          Heartbeat heartbeat) {
        if (heartbeat.serviceStatus() == null) {
            throw new MalformedMessageException("heartbeat " + envelope.id() + " has no service status");
        }
        switch (memory.admit(node, envelope.sentAt(), ReportedState.of(heartbeat))) {
            case DUPLICATE -> {
                log.debug("dropped duplicate heartbeat {} from node {}", envelope.id(), node);
                return DUPLICATE;
            }
            case OUT_OF_ORDER -> {
                log.debug("dropped out-of-order heartbeat from node {} sent {}", node, envelope.sentAt());
                return OUT_OF_ORDER;
            }
            case COALESCE -> {
                buffer.offer(PendingHeartbeat.of(node, envelope.sentAt(), heartbeat, clock.instant()));
                return COALESCED;
            }
            default -> {
                return writeAtOnce(node, envelope, body, signature, heartbeat);
            }
        }
    }

    private GuestMessageOutcome writeAtOnce(UUID node, Envelope envelope, byte[] body, String signature,
                                            Heartbeat heartbeat) {
        StatusWriter.Written written;
        try {
            written = writer.heartbeat(node, envelope, body, signature, heartbeat);
        } catch (RuntimeException e) {
            memory.abandoned(node);
            throw e;
        }
        if (written.outcome() == APPLIED) {
            memory.written(node, envelope.sentAt(), written.written());
        } else {
            memory.abandoned(node);
        }
        return written.outcome();
    }

    /** A remembered node whose secret does not verify the message is read again: the secret may have changed. */
    private Optional<String> rejection(Envelope envelope, Optional<UUID> nodeId, byte[] body, String signature) {
        Optional<String> rejection = GuestMessageVerifier.rejection(envelope,
                nodeId.flatMap(id -> keys.find(id, false)), body, signature);
        if (rejection.isPresent() && nodeId.isPresent() && keys.remembers(nodeId.get())) {
            return GuestMessageVerifier.rejection(envelope, keys.find(nodeId.get(), true), body, signature);
        }
        return rejection;
    }
}
