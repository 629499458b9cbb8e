package dev.shoal.domain.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String KEY_A = "c2hvYWwtdGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcyE=";
    static final String KEY_B = "YW5vdGhlci1rZXktb2YtdGhpcnR5LXR3by1ieXRlcyE=";
    private static final String SECRET = "pG3x7Yk2QeJmV9cTzW1bN5rL8sD4fH6aK0uE2iO7yXw";

    @Test
    void encryptsUnderTheCurrentKeyIdAndOpensAgain() {
        SecretCipher cipher = cipher(KEY_A, "2026-12", List.of());

        String stored = cipher.encrypt(SECRET);

        assertThat(stored).startsWith("v1:2026-12:").doesNotContain(SECRET);
        assertThat(cipher.decrypt(stored)).isEqualTo(SECRET);
        assertThat(cipher.encrypt(SECRET)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.needsRewrite(stored)).isFalse();
    }

    @Test
    void aKeyWithoutAnIdIsKnownByItsFingerprint() {
        SecretKeys keys = SecretKeys.of(KEY_A, "", null);

        assertThat(keys.currentId()).matches("[0-9a-f]{16}").isEqualTo(SecretKeys.of(KEY_A, null, null).currentId())
                .isNotEqualTo(SecretKeys.of(KEY_B, null, null).currentId());
    }

    @Test
    void refusesAValueUnderAnotherKeyGivenTheSameId() {
        String stored = cipher(KEY_A, "k1", List.of()).encrypt(SECRET);

        assertThatThrownBy(() -> cipher(KEY_B, "k1", List.of()).decrypt(stored))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("does not open with key 'k1'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void refusesAValueUnderAKeyItDoesNotKnowNamingThatKey() {
        String stored = cipher(KEY_A, "k1", List.of()).encrypt(SECRET);

        assertThatThrownBy(() -> cipher(KEY_B, "k2", List.of()).decrypt(stored))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("key 'k1'", "shoal.secrets.previous-keys");
    }

    @Test
    void refusesAnAlteredValue() {
        SecretCipher cipher = cipher(KEY_A, "k1", List.of());
        String stored = cipher.encrypt(SECRET);
        String passedOff = stored.replace("v1:k1:", "v1:k2:");

        assertThatThrownBy(() -> cipher(KEY_A, "k2", List.of("k1:" + KEY_A)).decrypt(passedOff))
                .as("the key id is authenticated").isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void afterRotationReadsWithTheOldKeyAndWritesWithTheNew() {
        String old = cipher(KEY_A, "k1", List.of()).encrypt(SECRET);
        SecretCipher rotated = cipher(KEY_B, "k2", List.of("k1:" + KEY_A));

        assertThat(rotated.decrypt(old)).isEqualTo(SECRET);
        assertThat(rotated.needsRewrite(old)).isTrue();
        assertThat(rotated.encrypt(SECRET)).startsWith("v1:k2:");
        assertThat(cipher(KEY_B, null, List.of(KEY_A)).decrypt(cipher(KEY_A, null, List.of()).encrypt(SECRET)))
                .as("a previous key given bare is known by its fingerprint").isEqualTo(SECRET);
    }

    @Test
    void readsAValueWrittenBeforeEncryptionAsItIsAndWantsItRewritten() {
        SecretCipher cipher = cipher(KEY_A, "k1", List.of());

        assertThat(cipher.decrypt(SECRET)).isEqualTo(SECRET);
        assertThat(cipher.needsRewrite(SECRET)).isTrue();
    }

    @Test
    void withoutAUsableKeySaysWhatToConfigure() {
        assertThatThrownBy(() -> SecretKeys.of("", null, null)).hasMessageContaining("shoal.secrets.key is not set",
                "SHOAL_SECRETS_KEY");
        assertThatThrownBy(() -> SecretKeys.of("c2hvcnQ=", null, null)).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> SecretKeys.of("not base64!", null, null)).hasMessageContaining("not base64");
        assertThatThrownBy(() -> SecretKeys.of(KEY_A, "a:b", null)).hasMessageContaining("key id");
    }

    private static SecretCipher cipher(String key, String keyId, List<String> previous) {
        return new SecretCipher(SecretKeys.of(key, keyId, previous));
    }
}
