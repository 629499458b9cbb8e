package dev.shoal.contracts.conductor;

import java.time.Instant;

/**
 * What a guest of a replicated datastore tells with every heartbeat, for failover to decide on.
 *
 * @param awaitingConfirmation   the node, a master whose server started again unasked, refuses writes until the
 *                               control plane confirms it still leads its set
 * @param masterUnreachableSince a replica's: since when it cannot reach its master's server port; null while it can,
 *                               or when it follows no master
 * @param syncReplication        a master's: whether every commit it acknowledges is held by a replica too
 *                               (semi-synchronous replication on, not fallen back); null for a replica
 */
public record ReplicationReport(boolean awaitingConfirmation, Instant masterUnreachableSince,
                                Boolean syncReplication) {
}
