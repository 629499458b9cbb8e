package dev.shoal.guest.spi;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterStatus;
import java.util.Optional;

/** A datastore whose nodes form one cluster. */
public interface Clustered {

    /** Membership as the datastore reports it from this node. */
    ClusterStatus clusterStatus() throws Exception;

    /** Every member is up; nothing to do for most datastores. */
    default void clusterComplete() throws Exception {
    }

    /**
     * The part the datastore's own election gives this node now (a MongoDB member's primary or secondary), told with
     * every heartbeat so that the stored role follows elections; empty where Shoal gives the parts (a Cassandra ring's
     * seeds), or while the node cannot say.
     */
    default Optional<Role> electedRole() {
        return Optional.empty();
    }
}
