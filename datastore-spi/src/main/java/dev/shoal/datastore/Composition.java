package dev.shoal.datastore;

/**
 * What a cluster of the datastore must keep, checked before any change is written. No cluster loses its last node.
 *
 * @param maxVoters              most voting members (arbiters included); 0 for no limit
 * @param maxArbiters            most arbiters
 * @param keepsDataMember        a member holding data must stay
 * @param keepsReplicationFactor as many nodes as the replication factor clusters are sized for must stay
 * @param keepsMaster            the master cannot be removed or replaced while it has replicas
 */
public record Composition(int maxVoters, int maxArbiters, boolean keepsDataMember, boolean keepsReplicationFactor,
                          boolean keepsMaster) {

    /** No rule beyond keeping the last node. */
    public static final Composition FREE = new Composition(0, 0, false, false, false);
}
