package dev.shoal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageSignerTest {

    private final NodeSecret secret = NodeSecret.generate();
    private final byte[] body = "{\"type\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesItsOwnSignature() {
        assertThat(MessageSigner.verify(secret, body, MessageSigner.sign(secret, body))).isTrue();
    }

    @Test
    void rejectsSignatureMadeWithAnotherNodesSecret() {
        String foreign = MessageSigner.sign(NodeSecret.generate(), body);
        assertThat(MessageSigner.verify(secret, body, foreign)).isFalse();
    }

    @Test
    void rejectsAlteredBody() {
        String signature = MessageSigner.sign(secret, body);
        byte[] altered = "{\"type\":\"heartbeaT\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageSigner.verify(secret, altered, signature)).isFalse();
    }

    @Test
    void rejectsMissingSignature() {
        assertThat(MessageSigner.verify(secret, body, null)).isFalse();
    }

    @Test
    void secretNeverPrints() {
        assertThat(secret.toString()).doesNotContain(secret.value());
    }
}
