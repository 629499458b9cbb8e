package dev.shoal.datastore;

/** The part a node plays in its replica set or cluster, as stored with the node and shown on it. */
public enum Role {
    /** Takes writes; replicas follow it (MySQL). */
    MASTER,
    /** Follows a master, read-only (MySQL). */
    REPLICA,
    /** Named in the others' seed lists (Cassandra). */
    SEED,
    /** A peer in a ring (Cassandra). */
    MEMBER,
    /** The replica set's member that takes writes, chosen by the set's own election (MongoDB). */
    PRIMARY,
    /** A data-bearing member that follows the primary (MongoDB). */
    SECONDARY,
    /** Votes in elections, holds no data (MongoDB). */
    ARBITER
}
