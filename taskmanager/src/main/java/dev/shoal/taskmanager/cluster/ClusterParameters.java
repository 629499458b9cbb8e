package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.util.List;
import java.util.UUID;

/**
 * What a cluster task keeps in its row: the nodes it adds or removes, the node a replacement takes over from,
 * the nodes it has asked to prepare so far, and a MySQL master's snapshot once taken.
 */
record ClusterParameters(List<UUID> nodes, UUID replaces, List<UUID> prepared, ReplicationSnapshot snapshot) {

    ClusterParameters {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        prepared = prepared == null ? List.of() : List.copyOf(prepared);
    }

    ClusterParameters withPrepared(UUID node) {
        List<UUID> more = new java.util.ArrayList<>(prepared);
        more.add(node);
        return new ClusterParameters(nodes, replaces, more, snapshot);
    }

    ClusterParameters withSnapshot(ReplicationSnapshot taken) {
        return new ClusterParameters(nodes, replaces, prepared, taken);
    }
}
