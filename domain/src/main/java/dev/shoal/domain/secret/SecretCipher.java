package dev.shoal.domain.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts a stored secret with AES-256-GCM as {@code v1:<keyId>:<base64 of nonce and ciphertext>}. The version and
 * key id are authenticated with it, so a value cannot be passed off as written under another key. A value without
 * the prefix is one written before encryption, read as it is until it is rewritten.
 */
public final class SecretCipher {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(SecretKeys keys) {
        this.keys = keys;
    }

    public String encrypt(String plaintext) {
        String keyId = keys.currentId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, keyId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    /** @throws SecretUnreadableException when no configured key opens the value */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3) {
            throw new SecretUnreadableException("a stored secret is not " + VERSION + ":<keyId>:<data>");
        }
        String keyId = parts[1];
        SecretKey key = keys.byId(keyId).orElseThrow(() -> new SecretUnreadableException("a stored secret was"
                + " encrypted with key '" + keyId + "', which is neither shoal.secrets.key (id '" + keys.currentId()
                + "') nor one of shoal.secrets.previous-keys"));
        try {
            byte[] data = Base64.getDecoder().decode(parts[2]);
            if (data.length <= NONCE_BYTES) {
                throw new SecretUnreadableException("a stored secret under key '" + keyId + "' is truncated");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(data, NONCE_BYTES), keyId);
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException("a stored secret does not open with key '" + keyId + "': the key"
                    + " configured under that id is not the one it was encrypted with, or the value was altered");
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("a stored secret under key '" + keyId + "' is not base64");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(VERSION + ":");
    }

    /** Whether the value should be written again: still plain, or under a key that is no longer the current one. */
    public boolean needsRewrite(String stored) {
        return stored != null && !stored.startsWith(VERSION + ":" + keys.currentId() + ":");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((VERSION + ":" + keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
