package dev.shoal.contracts.guest;

/** Sets the datastore's root password (reachable from any host), sealed with the node's secret. */
public record EnableRoot(String sealedPassword) {
}
