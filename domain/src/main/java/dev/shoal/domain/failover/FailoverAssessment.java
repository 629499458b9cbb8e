package dev.shoal.domain.failover;

import java.time.Instant;

/**
 * What failover makes of a replication set now.
 *
 * @param decision          what to do
 * @param reason            why, in CamelCase, as a condition's reason
 * @param message           the same for people
 * @param unreachableSince  since when a majority of the replicas cannot reach the master; null while they can
 */
public record FailoverAssessment(Decision decision, String reason, String message, Instant unreachableSince) {

    public enum Decision {
        /** The master serves its replicas, or the set has none. */
        NONE,
        /** The master may be dead; not yet long enough to tell. */
        WAIT,
        /** The master is dead and a replica takes over. */
        FAIL_OVER,
        /** The master is dead, but the set does not fail over by itself now: an operator decides. */
        HOLD
    }

    public boolean masterReachable() {
        return unreachableSince == null;
    }
}
