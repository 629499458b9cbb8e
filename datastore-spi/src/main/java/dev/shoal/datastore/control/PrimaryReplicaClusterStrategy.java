package dev.shoal.datastore.control;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * A master with read-only replicas as a cluster, over the {@link Replication} port alone, so that every datastore whose
 * replicas are made from a snapshot of their master forms one alike: the node whose role says so is the master (a new
 * cluster's first node), every other node a read-only replica made from one snapshot of it; formed when every replica
 * replicates. Leaving needs nothing of the datastore: a removed replica's server simply goes, and the master, which
 * the composition keeps while it has replicas, is never removed.
 */
public final class PrimaryReplicaClusterStrategy implements ClusterStrategy {

    private final Replication replication;

    public PrimaryReplicaClusterStrategy(Replication replication) {
        this.replication = replication;
    }

    @Override
    public void join(ClusterChange change) {
        ClusterNode master = master(change);
        List<ClusterNode> replicas = change.added().stream().filter(node -> !node.id().equals(master.id())).toList();
        if (replicas.isEmpty()) {
            return;
        }
        Optional<ReplicationSnapshot> remembered = change.snapshot();
        ReplicationSnapshot snapshot;
        if (remembered.isPresent()) {
            snapshot = remembered.get();
        } else {
            snapshot = replication.snapshot(master, change.correlationId(), change.correlationId());
            change.rememberSnapshot(snapshot);
        }
        for (ClusterNode replica : replicas) {
            replication.attach(master, snapshot, replica, change.correlationId());
        }
    }

    @Override
    public boolean formed(ClusterChange change) throws ClusterFailure {
        ClusterNode master = master(change);
        for (ClusterNode node : change.members()) {
            if (!node.id().equals(master.id()) && !replication.isReplicating(node, change.correlationId())) {
                return false;
            }
        }
        if (change.snapshot().isPresent()) {
            replication.dropSnapshot(master, change.correlationId(), change.correlationId());
        }
        return true;
    }

    /** The member whose role says it is the master; a new cluster's first node takes that part, the rest follow it. */
    private static ClusterNode master(ClusterChange change) {
        ClusterNode master = change.members().stream().filter(node -> node.hasRole(Role.MASTER)).findFirst()
                .orElseGet(() -> change.members().get(0));
        master.takeRole(Role.MASTER);
        change.members().stream().filter(node -> !node.id().equals(master.id()))
                .forEach(node -> node.takeRole(Role.REPLICA));
        return master;
    }
}
