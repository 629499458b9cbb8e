package dev.shoal.guestagent.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.guest.StopDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessageVerifierTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final MessageCodec codec = new MessageCodec();
    private final NodeSecret secret = NodeSecret.generate();
    private final MessageVerifier verifier = new MessageVerifier("node-1", secret, codec,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsASignedRecentMessageForThisNode() {
        byte[] body = body("node-1", NOW.minusSeconds(5));
        assertThat(verifier.verify(body, MessageSigner.sign(secret, body)).accepted()).isTrue();
    }

    @Test
    void dropsAForgedSignature() {
        byte[] body = body("node-1", NOW);
        assertThat(verifier.verify(body, MessageSigner.sign(NodeSecret.generate(), body)).reason())
                .contains("signature");
        assertThat(verifier.verify(body, null).accepted()).isFalse();
    }

    @Test
    void dropsAMessageForAnotherNode() {
        byte[] body = body("node-2", NOW);
        assertThat(verifier.verify(body, MessageSigner.sign(secret, body)).reason()).contains("node-2");
    }

    @Test
    void dropsStaleAndFutureMessages() {
        byte[] stale = body("node-1", NOW.minus(MessageVerifier.MAX_AGE).minusSeconds(1));
        byte[] future = body("node-1", NOW.plus(MessageVerifier.MAX_CLOCK_SKEW).plus(Duration.ofSeconds(1)));
        assertThat(verifier.verify(stale, MessageSigner.sign(secret, stale)).reason()).contains("stale");
        assertThat(verifier.verify(future, MessageSigner.sign(secret, future)).reason()).contains("future");
    }

    @Test
    void dropsAReplay() {
        byte[] body = body("node-1", NOW);
        String signature = MessageSigner.sign(secret, body);
        assertThat(verifier.verify(body, signature).accepted()).isTrue();
        assertThat(verifier.verify(body, signature).reason()).contains("replay");
    }

    @Test
    void acceptsAMessageOfThePreviousWireVersionFromAnOlderTaskManager() {
        byte[] body = body("node-1", NOW, Envelope.PREVIOUS_VERSION);

        MessageVerifier.Verdict verdict = verifier.verify(body, MessageSigner.sign(secret, body));

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.envelope().orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void dropsAMessageOfAWireVersionLaterThanItKnows() {
        byte[] body = body("node-1", NOW, Envelope.CURRENT_VERSION + 1);

        assertThat(verifier.verify(body, MessageSigner.sign(secret, body)).reason())
                .contains("wire version 3");
    }

    private byte[] body(String nodeId, Instant sentAt, int version) {
        Envelope current = codec.envelope(MessageTypes.STOP_DB, sentAt, null, "t", nodeId, new StopDb());
        return codec.encode(new Envelope(current.id(), current.type(), version, current.sentAt(),
                current.correlationId(), current.tenantId(), current.nodeId(), current.payload()));
    }

    private byte[] body(String nodeId, Instant sentAt) {
        return codec.encode(codec.envelope(MessageTypes.STOP_DB, sentAt, null, "t", nodeId, new StopDb()));
    }
}
