package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.util.List;
import java.util.UUID;

/**
 * What a cluster task keeps in its row: the nodes it adds or removes, the node a replacement takes over from,
 * the nodes it has asked to prepare so far, a MySQL master's snapshot once taken, and the nodes a rolling restart
 * has restarted so far.
 */
record ClusterParameters(List<UUID> nodes, UUID replaces, List<UUID> prepared, ReplicationSnapshot snapshot,
                         List<UUID> restarted) {

    ClusterParameters {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        prepared = prepared == null ? List.of() : List.copyOf(prepared);
        restarted = restarted == null ? List.of() : List.copyOf(restarted);
    }

    ClusterParameters withPrepared(UUID node) {
        List<UUID> more = new java.util.ArrayList<>(prepared);
        more.add(node);
        return new ClusterParameters(nodes, replaces, more, snapshot, restarted);
    }

    ClusterParameters withSnapshot(ReplicationSnapshot taken) {
        return new ClusterParameters(nodes, replaces, prepared, taken, restarted);
    }

    ClusterParameters withRestarted(UUID node) {
        List<UUID> more = new java.util.ArrayList<>(restarted);
        more.add(node);
        return new ClusterParameters(nodes, replaces, prepared, snapshot, more);
    }
}
