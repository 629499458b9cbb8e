package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** A datastore with a master and read-only replicas that follow it, as Trove's replication runs them. */
public interface Replicated {

    ReplicationSnapshot createReplicationSnapshot(String snapshotId) throws Exception;

    void deleteReplicationSnapshot(String snapshotId) throws Exception;

    /** Loads the snapshot and replicates from its master, read-only; the password arrives already opened. */
    void attachReplica(ReplicationSnapshot snapshot, String replicationPassword) throws Exception;

    /**
     * Makes this replica the master: it stops replicating, accepts writes, and answers where the others follow it
     * from (a snapshot without a copy: they already hold the data).
     */
    ReplicationSnapshot promoteToReplicaSource() throws Exception;

    /** Trove's {@code enable_as_master}: the candidate of a switchover or failover takes over as the master. */
    default ReplicationSnapshot enableAsMaster() throws Exception {
        return promoteToReplicaSource();
    }

    /**
     * Writes refused (a master about to hand over) or allowed again (a handover undone, or a master confirmed after it
     * started again unasked).
     */
    void makeReadOnly(boolean readOnly) throws Exception;

    /**
     * Whether this node, a master whose server started again unasked (a crash, a host come back), refuses writes until
     * the control plane confirms it still leads its set by making it writable: a replica may have been promoted
     * meanwhile, and two masters must never take writes side by side.
     */
    boolean awaitingConfirmation();

    /** The master's server this replica follows, which its agent probes; empty when it follows none. */
    Optional<InetSocketAddress> followedMaster();

    /**
     * A master's: whether every commit it acknowledges is held by a replica too (MariaDB's semi-synchronous
     * replication on and not fallen back to asynchronous); empty for a replica. Failover promotes a replica on its own
     * only when this held, so that no acknowledged write can be lost.
     */
    Optional<Boolean> syncReplication() throws Exception;

    /** The last transaction this node holds, in the datastore's own notation (a MariaDB GTID position). */
    String latestTxnId() throws Exception;

    /** @return whether this replica applied {@code txnId} within {@code timeout} */
    boolean waitForTxn(String txnId, Duration timeout) throws Exception;

    /** A former master stops acting as one; it then follows the new master through {@link #attachReplica}. */
    void demoteReplicationMaster() throws Exception;

    void detachReplica() throws Exception;

    ReplicationStatus replicationStatus() throws Exception;
}
