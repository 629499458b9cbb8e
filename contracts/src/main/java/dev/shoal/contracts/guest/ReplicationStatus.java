package dev.shoal.contracts.guest;

/**
 * A replicated node's replication state.
 *
 * @param replica      the node replicates from a master
 * @param ioRunning    the replica's I/O thread runs
 * @param sqlRunning   the replica's SQL thread runs
 * @param lastError    the last replication error, or null
 * @param gtidPosition the last GTID this node applied ({@code gtid_current_pos})
 * @param readOnly     the server refuses writes from ordinary users
 * @param received     a replica's: the last GTID its I/O thread received from the master, applied or not yet; a
 *                     failover waits until the replica applied it. Null for a master
 */
public record ReplicationStatus(boolean replica, boolean ioRunning, boolean sqlRunning, String lastError,
                                String gtidPosition, boolean readOnly, String received) {
}
