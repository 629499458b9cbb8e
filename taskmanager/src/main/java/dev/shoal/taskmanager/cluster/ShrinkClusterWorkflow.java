package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/** Removes a node: it leaves the datastore's membership first (Cassandra streams its data away), then goes. */
@Component
class ShrinkClusterWorkflow implements Workflow {

    private final ClusterSteps steps;

    ShrinkClusterWorkflow(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.SHRINK_CLUSTER;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("LEAVE", 60, "Handing the node's data over and leaving the cluster", steps::leave),
                new Step("REMOVE", 80, "Removing the node", steps::removeNamed),
                new Step("AWAIT_MEMBERSHIP", 95, "Waiting for the datastore to report the remaining members",
                        steps::awaitMembership),
                new Step("COMPLETE", 100, "Node removed", steps::complete));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.SHRINKING_ERROR;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        steps.failRemoval(task, errorTask == null ? NodeTask.SHRINKING_ERROR : errorTask, reason, steps.named(task));
    }
}
