package dev.shoal.contracts.guest;

/** Cassandra: stream this node's data to the rest of the ring and leave it. */
public record Decommission() {
}
