package dev.shoal.datastore;

import dev.shoal.datastore.control.ClusterPorts;
import dev.shoal.datastore.control.ClusterStrategy;
import java.util.Map;
import java.util.Optional;

/**
 * One datastore, found through {@link java.util.ServiceLoader}: each lives in its own folder under {@code datastores/}
 * and is named nowhere else. What it is, is data ({@link #descriptor()}); what it derives from a cluster, it derives
 * here once, for the api to show and the guest to run alike.
 */
public interface Datastore {

    DatastoreDescriptor descriptor();

    /**
     * The settings every node of a cluster runs with alike, derived from the cluster's id, by parameter name: the
     * guest writes them into the datastore's configuration and the api shows them, read-only, in each node's own
     * configuration group. Settings that differ per node or change with membership are left out.
     */
    default Map<String, String> clusterSettings(String clusterId) {
        return Map.of();
    }

    /**
     * How the task manager forms a cluster of it, working through what the task manager offers; empty for a datastore
     * without {@link Ability#CLUSTERS}.
     */
    default Optional<ClusterStrategy> clusterStrategy(ClusterPorts ports) {
        return Optional.empty();
    }
}
