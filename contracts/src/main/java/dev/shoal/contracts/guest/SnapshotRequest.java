package dev.shoal.contracts.guest;

/** Asks a master to take, or to drop, the named replication snapshot. */
public record SnapshotRequest(String snapshotId) {
}
