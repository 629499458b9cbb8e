package dev.shoal.contracts;

/**
 * The part a node plays in its replica set or cluster, as stored with the node and shown on it. Each datastore's
 * descriptor says which of these its nodes take.
 */
public enum Role {
    /** Takes writes; replicas follow it. */
    MASTER,
    /** Follows a master, read-only. */
    REPLICA,
    /** A peer the others' seed lists name, through which new nodes join. */
    SEED,
    /** A peer of a ring that is not a seed. */
    MEMBER,
    /** The member that takes writes, chosen by the set's own election. */
    PRIMARY,
    /** A member holding data that follows the primary. */
    SECONDARY,
    /** Votes in the set's elections, holds no data. */
    ARBITER
}
