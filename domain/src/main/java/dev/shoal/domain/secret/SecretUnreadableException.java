package dev.shoal.domain.secret;

/** A stored secret that none of the configured keys opens: a wrong or missing key, or an altered value. */
public class SecretUnreadableException extends IllegalStateException {

    public SecretUnreadableException(String message) {
        super(message);
    }
}
