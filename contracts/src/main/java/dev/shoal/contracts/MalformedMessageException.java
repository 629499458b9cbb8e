package dev.shoal.contracts;

/** A message that can never be processed, however often it is retried. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedMessageException(String message) {
        super(message);
    }
}
