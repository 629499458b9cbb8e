package dev.shoal.contracts.guest;

import java.util.List;

/**
 * Members to add to or remove from the cluster, sent to the node that changes membership for all.
 *
 * @param members addresses with their type ({@link ClusterMember#TYPE_MEMBER} or {@link ClusterMember#TYPE_ARBITER})
 */
public record ClusterMembers(List<Entry> members) {

    public ClusterMembers {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public record Entry(String address, String type) {
    }
}
