package dev.shoal.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a key's first request was, as SHA-256 of its method, its path with its query (both as sent), and its body's
 * bytes: a retry is the same request only when all three are. Neither the method nor the request line can hold a
 * line feed, so the line feeds between them keep two different requests from running together into one digest.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** @return 64 lower-case hex digits */
    static String of(String method, String pathAndQuery, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update((method + "\n" + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String pathAndQuery(String requestUri, String query) {
        return query == null ? requestUri : requestUri + "?" + query;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
    }
}
