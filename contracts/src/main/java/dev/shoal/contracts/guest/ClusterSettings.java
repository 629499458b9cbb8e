package dev.shoal.contracts.guest;

import java.util.Map;
import java.util.TreeMap;

/**
 * The settings every node of a cluster runs with alike, derived from the cluster's id: the guest writes them
 * into the datastore's configuration and the API shows them, read-only, in each node's own configuration group
 * (the seed's auto-created groups). One derivation for both keeps what users see what the datastores run.
 */
public final class ClusterSettings {

    public static final int CASSANDRA_NUM_TOKENS = 16;
    public static final String CASSANDRA_SNITCH = "GossipingPropertyFileSnitch";

    private ClusterSettings() {
    }

    public static String cassandraClusterName(String clusterId) {
        return "shoal-" + clusterId;
    }

    /** The replica set name every member derives alike from the cluster id. */
    public static String mongoReplicaSetName(String clusterId) {
        String safe = clusterId.replaceAll("[^A-Za-z0-9_-]", "");
        if (safe.isEmpty()) {
            throw new IllegalArgumentException("cluster id '" + clusterId + "' gives no replica set name");
        }
        return "rs-" + safe.substring(0, Math.min(8, safe.length()));
    }

    /**
     * The read-only settings a node of a cluster of {@code manager} runs with, by parameter name; the hidden ones
     * (seeds, server ids) are per node or change with membership and are left out.
     */
    public static Map<String, String> readOnly(String manager, String clusterId) {
        Map<String, String> settings = new TreeMap<>();
        switch (manager) {
            case "cassandra" -> {
                settings.put("cluster_name", cassandraClusterName(clusterId));
                settings.put("num_tokens", Integer.toString(CASSANDRA_NUM_TOKENS));
                settings.put("endpoint_snitch", CASSANDRA_SNITCH);
            }
            case "mongodb" -> settings.put("replSet", mongoReplicaSetName(clusterId));
            case "mysql" -> settings.put("log_bin", "true");
            default -> {
            }
        }
        return settings;
    }
}
