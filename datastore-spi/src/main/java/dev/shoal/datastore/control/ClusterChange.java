package dev.shoal.datastore.control;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.util.List;
import java.util.Optional;

/** One step's view of a task changing a cluster (creating, growing, shrinking, replacing, restarting), read afresh. */
public interface ClusterChange {

    String clusterId();

    /** The task's id, which every guest call of the task carries. */
    String correlationId();

    /** The nodes that make up the cluster once the task is done: live, not leaving, not replaced. */
    List<ClusterNode> members();

    /** The nodes this task builds. */
    List<ClusterNode> added();

    /** The node a replacement takes over from. */
    Optional<ClusterNode> replaced();

    /** The members that were there before this task. */
    default List<ClusterNode> existing() {
        return members().stream().filter(node -> added().stream().noneMatch(a -> a.id().equals(node.id()))).toList();
    }

    /** The replication snapshot this task remembered, so a step run again does not take another. */
    Optional<ReplicationSnapshot> snapshot();

    /** Kept with the task, written with the step that took it. */
    void rememberSnapshot(ReplicationSnapshot snapshot);
}
