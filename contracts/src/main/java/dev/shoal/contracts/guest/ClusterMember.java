package dev.shoal.contracts.guest;

import java.util.List;

/**
 * A node's place in a cluster, given at prepare.
 *
 * @param clusterId      the cluster's id, from which the datastore derives the names its members share
 * @param type           {@code member}, or {@code arbiter} for a voting member without data
 * @param region         where the node runs (a datastore may place data by it)
 * @param seeds          the addresses a peer-to-peer datastore's node meets the others through first; empty if none
 * @param replaceAddress the address of the dead node whose place and data this node takes, or null
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
