package dev.shoal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final NodeSecret secret = NodeSecret.generate();

    @Test
    void opensWhatItSealed() {
        String sealed = SecretBox.seal(secret, "s3cret-pw");
        assertThat(sealed).doesNotContain("s3cret-pw");
        assertThat(SecretBox.open(secret, sealed)).isEqualTo("s3cret-pw");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(SecretBox.seal(secret, "pw")).isNotEqualTo(SecretBox.seal(secret, "pw"));
    }

    @Test
    void refusesToOpenWithAnotherNodesSecret() {
        String sealed = SecretBox.seal(NodeSecret.generate(), "pw");
        assertThatThrownBy(() -> SecretBox.open(secret, sealed)).isInstanceOf(IllegalArgumentException.class);
    }
}
