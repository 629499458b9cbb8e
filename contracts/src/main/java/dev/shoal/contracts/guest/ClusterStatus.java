package dev.shoal.contracts.guest;

import java.util.List;

/**
 * Membership as the datastore itself reports it from the node asked.
 *
 * @param members every member the datastore knows of, with its state in the datastore's own words, which its
 *                cluster strategy reads
 */
public record ClusterStatus(List<Member> members) {

    public ClusterStatus {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** @param healthy the datastore counts the member as fully serving its part */
    public record Member(String address, String state, boolean healthy) {
    }
}
