package dev.shoal.contracts.guest;

import java.util.List;

/**
 * Membership as the datastore itself reports it from the node asked.
 *
 * @param members every member the datastore knows of, with its state in the datastore's own words: Cassandra's
 *                two letters ({@code UN} up/normal, {@code UJ} joining, {@code UL} leaving, {@code DN} down),
 *                MongoDB's member state ({@code PRIMARY}, {@code SECONDARY}, {@code ARBITER}, ...)
 */
public record ClusterStatus(List<Member> members) {

    public ClusterStatus {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** @param healthy the datastore counts the member as fully serving its part */
    public record Member(String address, String state, boolean healthy) {
    }
}
