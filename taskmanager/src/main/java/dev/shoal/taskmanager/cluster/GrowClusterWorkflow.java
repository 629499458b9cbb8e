package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/** Adds nodes: they start as the datastore wants (Cassandra bootstraps them one at a time) and join. */
@Component
class GrowClusterWorkflow implements Workflow {

    private final ClusterSteps steps;

    GrowClusterWorkflow(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.GROW_CLUSTER;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("ALLOCATE", 5, "Allocating addresses and node secrets", steps::allocate),
                new Step("SPAWN", 15, "Starting the guest agents", steps::spawn),
                new Step("PREPARE", 70, "Starting the datastore on the new nodes", steps::start),
                new Step("JOIN", 80, "Adding the new nodes to the cluster", steps::join),
                new Step("AWAIT_MEMBERSHIP", 95, "Waiting for the datastore to report every member",
                        steps::awaitMembership),
                new Step("COMPLETE", 100, "Nodes added", steps::complete));
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
