package dev.shoal.domain.secret;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys of stored secrets.
 *
 * @param key          base64 of the 256-bit AES key new values are encrypted with ({@code SHOAL_SECRETS_KEY})
 * @param keyId        the id stored beside each value ({@code SHOAL_SECRETS_KEY_ID}); blank for the key's fingerprint
 * @param previousKeys keys rotated out, still read: {@code <id>:<base64>} or a bare base64 ({@code
 *                     SHOAL_SECRETS_PREVIOUS_KEYS}, comma-separated)
 */
@ConfigurationProperties("shoal.secrets")
public record SecretsProperties(String key, String keyId, List<String> previousKeys) {

    public SecretKeys keys() {
        return SecretKeys.of(key, keyId, previousKeys);
    }

    @Override
    public String toString() {
        return "SecretsProperties[key=****, keyId=" + keyId + ", previousKeys=" + (previousKeys == null ? 0
                : previousKeys.size()) + "]";
    }
}
