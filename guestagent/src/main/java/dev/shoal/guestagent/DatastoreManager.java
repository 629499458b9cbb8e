package dev.shoal.guestagent;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.contracts.guest.StoredBackup;

/**
 * The only thing that touches a node's datastore; one implementation per datastore. What a datastore cannot do
 * (a Cassandra node has no replication snapshot) answers with {@link UnsupportedOperationException}, which the
 * caller receives as the call's error.
 */
public interface DatastoreManager {

    /** The manager name prepare requests must carry: {@code mysql}, {@code cassandra}, {@code mongodb}. */
    String name();

    /** Initialises and starts the datastore; safe to call again on a prepared node. */
    void prepare(Prepare request) throws Exception;

    /** Restarts a datastore that was prepared before this agent (re)started. */
    void resume() throws Exception;

    ServiceStatus status();

    /** Human-readable detail of the status, e.g. why prepare failed. */
    String statusDescription();

    void enableRoot(String password) throws Exception;

    void stop() throws Exception;

    void restart() throws Exception;

    /** Volume size granted by prepare, in bytes, if known. */
    Long volumeTotalBytes();

    /** The volume has grown to {@code sizeGb}; a smaller size than the current one is refused. */
    void resizeVolume(int sizeGb) throws Exception;

    /** Sizes the datastore for a new flavor's memory, live where it can; answers the cache size it runs with. */
    default long resetConfiguration(int memoryMb) throws Exception {
        throw unsupported("flavor resize");
    }

    /** Membership as the datastore reports it from this node. */
    default ClusterStatus clusterStatus() throws Exception {
        throw unsupported("cluster status");
    }

    /** Adds members; sent to the node that changes membership (MongoDB's primary initiates the set first). */
    default void addMembers(ClusterMembers members) throws Exception {
        throw unsupported("adding cluster members");
    }

    default void removeMembers(ClusterMembers members) throws Exception {
        throw unsupported("removing cluster members");
    }

    /** Hands this node's data to the rest of the cluster and leaves it, before the node is destroyed. */
    default void decommission() throws Exception {
        throw unsupported("decommission");
    }

    /** Every member is up; nothing to do for most datastores. */
    default void clusterComplete() throws Exception {
    }

    /**
     * Runs with a configuration group's values: written to the datastore's configuration, applied live where the
     * datastore can; the rest waits for a restart.
     */
    default AppliedConfiguration applyOverrides(ConfigurationOverrides overrides) throws Exception {
        throw unsupported("configuration groups");
    }

    /**
     * Trove's {@code create_backup}: writes the datastore's backup of this id into the backup store, or answers the
     * one already written. A backup that fails leaves nothing in the store.
     */
    default StoredBackup createBackup(String backupId) throws Exception {
        throw unsupported("backups");
    }

    /** Removes whatever this node wrote for the backup; one that is not there is already removed. */
    default void deleteBackup(String backupId) throws Exception {
        throw unsupported("backups");
    }

    default ReplicationSnapshot createReplicationSnapshot(String snapshotId) throws Exception {
        throw unsupported("replication snapshots");
    }

    default void deleteReplicationSnapshot(String snapshotId) throws Exception {
        throw unsupported("replication snapshots");
    }

    /** Loads the snapshot and replicates from its master, read-only; the password arrives already opened. */
    default void attachReplica(ReplicationSnapshot snapshot, String replicationPassword) throws Exception {
        throw unsupported("replication");
    }

    /**
     * Makes this replica the master: it stops replicating, accepts writes, and answers where the others follow it
     * from (a snapshot without a copy: they already hold the data).
     */
    default ReplicationSnapshot promoteToReplicaSource() throws Exception {
        throw unsupported("replication");
    }

    /** Trove's {@code enable_as_master}: the candidate of a switchover or failover takes over as the master. */
    default ReplicationSnapshot enableAsMaster() throws Exception {
        return promoteToReplicaSource();
    }

    /** Writes refused (a master about to hand over) or allowed again (a handover undone). */
    default void makeReadOnly(boolean readOnly) throws Exception {
        throw unsupported("replication");
    }

    /** The last transaction this node holds, in the datastore's own notation (a MariaDB GTID position). */
    default String latestTxnId() throws Exception {
        throw unsupported("replication");
    }

    /** @return whether this replica applied {@code txnId} within {@code timeout} */
    default boolean waitForTxn(String txnId, java.time.Duration timeout) throws Exception {
        throw unsupported("replication");
    }

    /** A former master stops acting as one; it then follows the new master through {@link #attachReplica}. */
    default void demoteReplicationMaster() throws Exception {
        throw unsupported("replication");
    }

    default void detachReplica() throws Exception {
        throw unsupported("replication");
    }

    default ReplicationStatus replicationStatus() throws Exception {
        throw unsupported("replication");
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(name() + " does not support " + what);
    }
}
