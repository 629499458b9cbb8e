package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.ClusterStatus;

/** A datastore whose nodes form one cluster. */
public interface Clustered {

    /** Membership as the datastore reports it from this node. */
    ClusterStatus clusterStatus() throws Exception;

    /** Every member is up; nothing to do for most datastores. */
    default void clusterComplete() throws Exception {
    }
}
