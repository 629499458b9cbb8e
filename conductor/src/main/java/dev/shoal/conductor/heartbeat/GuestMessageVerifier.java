package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MalformedMessageException;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.domain.node.Node;
import java.util.Optional;
import java.util.UUID;

/**
 * A guest message counts only if it is signed with the secret of the live node it claims to come from.
 * Rejection reasons name the node, never its secret.
 */
final class GuestMessageVerifier {

    /** processed_messages.message_id is varchar(64). */
    static final int MAX_ID_LENGTH = 64;

    private GuestMessageVerifier() {
    }

    /** @return why the message must be dropped, or empty when it is authentic */
    static Optional<String> rejection(Envelope envelope, Optional<Node> node, byte[] body, String signature) {
        if (nodeId(envelope).isEmpty()) {
            return Optional.of("no valid node id");
        }
        if (node.isEmpty() || node.get().isDeleted()) {
            return Optional.of("unknown or deleted node " + envelope.nodeId());
        }
        if (node.get().secret().isEmpty()) {
            return Optional.of("node " + envelope.nodeId() + " has no secret yet");
        }
        if (!MessageSigner.verify(node.get().secret().get(), body, signature)) {
            return Optional.of("bad signature from node " + envelope.nodeId());
        }
        return Optional.empty();
    }

    static Optional<UUID> nodeId(Envelope envelope) {
        try {
            return Optional.ofNullable(envelope.nodeId()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The envelope itself insists on id, type and sentAt; an id the processed-messages table cannot hold
     * would fail on every attempt, so it is malformed too.
     *
     * @throws MalformedMessageException so the message goes straight to the dead-letter queue
     */
    static void requireProcessable(Envelope envelope) {
        if (envelope.id().isBlank() || envelope.id().length() > MAX_ID_LENGTH) {
            throw new MalformedMessageException("envelope id blank or longer than " + MAX_ID_LENGTH);
        }
    }
}
