package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.ClusterMembers;

/** A cluster whose membership one node changes for all (MongoDB's primary, which initiates the set first). */
public interface Membership {

    void addMembers(ClusterMembers members) throws Exception;

    void removeMembers(ClusterMembers members) throws Exception;
}
