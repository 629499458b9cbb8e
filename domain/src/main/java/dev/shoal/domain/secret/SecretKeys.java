package dev.shoal.domain.secret;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts stored secrets, and the earlier ones still accepted for reading them, each known by its id.
 * A key's id defaults to a fingerprint of the key, so rotating needs no name to be made up.
 */
public final class SecretKeys {

    private static final int KEY_BYTES = 32;
    private static final String ID_PATTERN = "[A-Za-z0-9._-]{1,32}";

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private SecretKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * @param key          base64 of 32 random bytes ({@code openssl rand -base64 32})
     * @param keyId        the id stored beside every value it encrypts; blank for the key's fingerprint
     * @param previousKeys earlier keys, each {@code <id>:<base64>} or a bare base64 known by its fingerprint
     */
    public static SecretKeys of(String key, String keyId, List<String> previousKeys) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("shoal.secrets.key is not set: give the api, the task manager and the"
                    + " conductor the same base64 256-bit key (SHOAL_SECRETS_KEY, e.g. from `openssl rand -base64"
                    + " 32`); node secrets are stored encrypted with it");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        SecretKey current = decode(key, "shoal.secrets.key");
        String currentId = id(keyId, current);
        keys.put(currentId, current);
        for (String previous : previousKeys == null ? List.<String>of() : previousKeys) {
            if (previous.isBlank()) {
                continue;
            }
            int colon = previous.indexOf(':');
            SecretKey old = decode(colon < 0 ? previous : previous.substring(colon + 1), "shoal.secrets.previous-keys");
            keys.putIfAbsent(id(colon < 0 ? null : previous.substring(0, colon), old), old);
        }
        return new SecretKeys(currentId, Map.copyOf(keys));
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** A key's default id: the first 8 bytes of its SHA-256, which says nothing of the key itself. */
    static String fingerprint(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String id(String configured, SecretKey key) {
        String id = configured == null || configured.isBlank() ? fingerprint(key) : configured.strip();
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalStateException("a secrets key id is 1 to 32 letters, digits, '.', '_' or '-': " + id);
        }
        return id;
    }

    private static SecretKey decode(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " must be 256 bits (32 bytes, 44 base64 characters), not "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "SecretKeys[current=" + currentId + ", known=" + keys.keySet() + "]";
    }
}
