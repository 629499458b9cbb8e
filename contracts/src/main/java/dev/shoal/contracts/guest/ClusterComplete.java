package dev.shoal.contracts.guest;

/** Every member of the cluster is up: the guest may do what waits for the whole cluster. */
public record ClusterComplete() {
}
