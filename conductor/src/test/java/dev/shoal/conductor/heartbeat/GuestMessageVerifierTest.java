package dev.shoal.conductor.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MalformedMessageException;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.domain.node.Node;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuestMessageVerifierTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final MessageCodec codec = new MessageCodec();
    private final NodeSecret secret = NodeSecret.generate();
    private final Node node = placedNode(secret);
    private final Envelope envelope = heartbeatFrom(node.getId().toString());
    private final byte[] body = codec.encode(envelope);

    @Test
    void acceptsAMessageSignedWithTheNodesSecret() {
        assertThat(GuestMessageVerifier.rejection(envelope, Optional.of(node), body, MessageSigner.sign(secret, body)))
                .isEmpty();
    }

    @Test
    void rejectsAMessageSignedWithAnotherNodesSecretWithoutNamingEitherSecret() {
        NodeSecret other = NodeSecret.generate();

        Optional<String> rejection = GuestMessageVerifier.rejection(envelope, Optional.of(node), body,
                MessageSigner.sign(other, body));

        assertThat(rejection).hasValueSatisfying(reason -> assertThat(reason)
                .contains("bad signature", node.getId().toString())
                .doesNotContain(secret.value(), other.value()));
    }

    @Test
    void rejectsAnUnsignedMessage() {
        assertThat(GuestMessageVerifier.rejection(envelope, Optional.of(node), body, null)).isPresent();
    }

    @Test
    void rejectsABodyChangedAfterSigning() {
        String signature = MessageSigner.sign(secret, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("RUNNING", "BLOCKED")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(GuestMessageVerifier.rejection(envelope, Optional.of(node), tampered, signature)).isPresent();
    }

    @Test
    void rejectsAnUnknownNode() {
        assertThat(GuestMessageVerifier.rejection(envelope, Optional.empty(), body, MessageSigner.sign(secret, body)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("unknown or deleted"));
    }

    @Test
    void rejectsADeletedNodeEvenWhenTheSignatureIsRight() {
        node.markDeleted(NOW);

        assertThat(GuestMessageVerifier.rejection(envelope, Optional.of(node), body, MessageSigner.sign(secret, body)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("unknown or deleted"));
    }

    @Test
    void rejectsANodeThatWasNeverGivenASecret() {
        Node unplaced = Node.forInstance(UUID.randomUUID(), "t", "db", UUID.randomUUID(), "1", 1, null, NOW);
        Envelope fromUnplaced = heartbeatFrom(unplaced.getId().toString());
        byte[] unplacedBody = codec.encode(fromUnplaced);

        assertThat(GuestMessageVerifier.rejection(fromUnplaced, Optional.of(unplaced), unplacedBody,
                MessageSigner.sign(secret, unplacedBody))).hasValueSatisfying(r -> assertThat(r).contains("no secret"));
    }

    @Test
    void rejectsAMessageWhoseNodeIdIsNotAUuid() {
        Envelope garbled = heartbeatFrom("node-7");

        assertThat(GuestMessageVerifier.nodeId(garbled)).isEmpty();
        assertThat(GuestMessageVerifier.rejection(garbled, Optional.of(node), body, MessageSigner.sign(secret, body)))
                .isPresent();
    }

    @Test
    void aMessageWhoseIdCannotBeRecordedCanNeverBeProcessed() {
        Envelope longId = new Envelope("x".repeat(65), MessageTypes.HEARTBEAT, 1, NOW, null, null,
                node.getId().toString(), envelope.payload());
        Envelope blankId = new Envelope(" ", MessageTypes.HEARTBEAT, 1, NOW, null, null,
                node.getId().toString(), envelope.payload());

        assertThatThrownBy(() -> GuestMessageVerifier.requireProcessable(longId))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> GuestMessageVerifier.requireProcessable(blankId))
                .isInstanceOf(MalformedMessageException.class);
        GuestMessageVerifier.requireProcessable(envelope);
    }

    private Envelope heartbeatFrom(String nodeId) {
        return codec.envelope(MessageTypes.HEARTBEAT, NOW, null, null, nodeId,
                new Heartbeat(ServiceStatus.RUNNING, null, 1L, 2L, "test"));
    }

    private static Node placedNode(NodeSecret secret) {
        Node node = Node.forInstance(UUID.randomUUID(), "t", "db", UUID.randomUUID(), "1", 1, null, NOW);
        node.placed(node.getId().toString(), "127.0.1.7", null, secret, NOW);
        return node;
    }
}
