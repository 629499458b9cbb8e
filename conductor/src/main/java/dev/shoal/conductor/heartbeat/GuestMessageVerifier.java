package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.domain.node.Node;
import java.util.Optional;
import java.util.UUID;

/** A guest message counts only if it is signed with the secret of the live node it claims to come from. */
final class GuestMessageVerifier {

    private GuestMessageVerifier() {
    }

    static Optional<String> rejection(Envelope envelope, Optional<Node> node, byte[] body, String signature) {
        if (envelope.nodeId() == null) {
            return Optional.of("no node id");
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
}
