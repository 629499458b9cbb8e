package dev.shoal.contracts.guest;

/**
 * A consistent copy of a master's data and the position it was taken at, kept in the snapshot store
 * for as many new replicas as need it.
 *
 * @param snapshotId                 name of the copy in the snapshot store, or null when the replica already holds the
 *                                   data and only follows a new master (after a promotion)
 * @param gtidPosition               where replication continues once the copy is loaded
 * @param masterAddress              address replicas connect to
 * @param replicationUser            account replicas connect as
 * @param sealedReplicationPassword  its password, sealed for the node the message is addressed to
 */
public record ReplicationSnapshot(String snapshotId, String gtidPosition, String masterAddress,
                                  String replicationUser, String sealedReplicationPassword) {

    /** The same snapshot with the password sealed for another node. */
    public ReplicationSnapshot resealed(String sealedPassword) {
        return new ReplicationSnapshot(snapshotId, gtidPosition, masterAddress, replicationUser, sealedPassword);
    }
}
