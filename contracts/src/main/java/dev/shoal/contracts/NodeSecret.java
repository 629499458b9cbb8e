package dev.shoal.contracts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A node's shared secret. The task manager hands it to the guest at spawn through the node's
 * private configuration file; it never travels over AMQP and never prints.
 */
public record NodeSecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public NodeSecret {
        Objects.requireNonNull(value, "value");
        if (value.length() < 32) {
            throw new IllegalArgumentException("node secret too short");
        }
    }

    public static NodeSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new NodeSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "NodeSecret[****]";
    }
}
