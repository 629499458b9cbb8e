package dev.shoal.contracts.guest;

/** Stops replication for good and makes the node a writable standalone server. */
public record DetachReplica() {
}
