package dev.shoal.datastore.control;

import dev.shoal.contracts.guest.ReplicationSnapshot;

/**
 * The steps of MySQL-style replication from a snapshot of a master, which the task manager also runs for replicas of
 * instances. Guest calls throw unchecked exceptions as {@link GuestCalls} describes; a strategy lets them through.
 */
public interface Replication {

    /** The master writes (or finds, when asked again) the snapshot named {@code snapshotId}. */
    ReplicationSnapshot snapshot(ClusterNode master, String snapshotId, String correlationId);

    /** The replica is made from the snapshot and follows the master. */
    void attach(ClusterNode master, ReplicationSnapshot snapshot, ClusterNode replica, String correlationId);

    /** @throws ClusterFailure of kind {@link ClusterFailure.Kind#REPLICA} when replication stopped on an error */
    boolean isReplicating(ClusterNode replica, String correlationId) throws ClusterFailure;

    /** The snapshot served its replicas; one left behind only costs space, so this never fails. */
    void dropSnapshot(ClusterNode master, String snapshotId, String correlationId);
}
