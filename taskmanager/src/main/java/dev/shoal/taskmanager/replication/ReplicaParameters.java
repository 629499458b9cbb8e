package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.util.List;
import java.util.UUID;

/**
 * What a replica build keeps in its task row: the replicas it builds and, once taken, the master's snapshot
 * (its password sealed for the master), so a resumed task attaches from the same snapshot.
 */
public record ReplicaParameters(List<UUID> replicas, ReplicationSnapshot snapshot) {

    public ReplicaParameters withSnapshot(ReplicationSnapshot taken) {
        return new ReplicaParameters(replicas, taken);
    }
}
