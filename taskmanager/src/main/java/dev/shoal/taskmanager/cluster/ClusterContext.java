package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.Task;
import java.util.List;
import java.util.Optional;

/**
 * One step's view of a cluster task, read fresh each time.
 *
 * @param members  the nodes that make up the cluster once the task is done: live, not leaving, not replaced
 * @param added    the nodes this task builds
 * @param replaced the node a replacement takes over from
 */
record ClusterContext(Task task, Cluster cluster, ClusterParameters parameters, List<Node> members, List<Node> added,
                      Optional<Node> replaced) {

    String correlationId() {
        return task.getId().toString();
    }

    /** The members that were there before this task. */
    List<Node> existing() {
        return members.stream().filter(node -> added.stream().noneMatch(a -> a.getId().equals(node.getId()))).toList();
    }
}
