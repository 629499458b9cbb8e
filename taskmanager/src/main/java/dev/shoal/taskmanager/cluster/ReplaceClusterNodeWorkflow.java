package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/** A new node takes an old one's place and data; then the old one goes. */
@Component
class ReplaceClusterNodeWorkflow implements Workflow {

    private final ClusterSteps steps;

    ReplaceClusterNodeWorkflow(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.REPLACE_CLUSTER_NODE;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("ALLOCATE", 5, "Allocating an address and a node secret", steps::allocate),
                new Step("SPAWN", 15, "Starting the guest agent", steps::spawn),
                new Step("STOP_REPLACED", 20, "Stopping the node being replaced", steps::stopReplaced),
                new Step("PREPARE", 65, "Starting the replacement", steps::start),
                new Step("JOIN", 75, "Adding the replacement to the cluster", steps::join),
                new Step("RETIRE_REPLACED", 80, "Taking the old node out of the cluster", steps::retireReplaced),
                new Step("DESTROY_REPLACED", 85, "Removing the old node", steps::destroyReplaced),
                new Step("AWAIT_MEMBERSHIP", 95, "Waiting for the datastore to report every member",
                        steps::awaitMembership),
                new Step("COMPLETE", 100, "Node replaced", steps::complete));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.GROWING_ERROR;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        steps.undo(task, errorTask == null ? NodeTask.GROWING_ERROR : errorTask, reason, false);
    }
}
