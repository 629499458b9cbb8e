package dev.shoal.contracts.guest;

import java.util.List;

/**
 * A node's place in a cluster, given at prepare.
 *
 * @param clusterId      the cluster's id; Cassandra's cluster name and MongoDB's replica set name derive from it
 * @param type           {@code member}, or {@code arbiter} for a MongoDB voting member without data
 * @param region         where the node runs; Cassandra's data centre
 * @param seeds          Cassandra: the seed addresses the node gossips with first
 * @param replaceAddress Cassandra: the address of the dead node whose place and data this node takes, or null
 */
public record ClusterMember(String clusterId, String type, String region, List<String> seeds,
                            String replaceAddress) {

    public static final String TYPE_MEMBER = "member";
    public static final String TYPE_ARBITER = "arbiter";

    public ClusterMember {
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
    }

    public boolean isArbiter() {
        return TYPE_ARBITER.equals(type);
    }
}
