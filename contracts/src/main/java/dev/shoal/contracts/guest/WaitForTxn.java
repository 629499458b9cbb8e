package dev.shoal.contracts.guest;

import java.time.Duration;

/**
 * Asks a replica to wait until it has applied {@code txnId}; the reply says whether it did within {@code timeout}.
 * The caller's own call timeout must be longer.
 */
public record WaitForTxn(String txnId, Duration timeout) {

    /** The reply. */
    public record Reached(boolean reached) {
    }
}
