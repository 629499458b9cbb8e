package dev.shoal.datastore.control;

/** What the task manager offers a datastore's cluster strategy. */
public record ClusterPorts(GuestCalls guests, Replication replication, NodeServers servers) {
}
