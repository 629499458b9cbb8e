package dev.shoal.contracts.guest;

/** Hand this node's data over to the rest of the cluster and leave it. */
public record Decommission() {
}
