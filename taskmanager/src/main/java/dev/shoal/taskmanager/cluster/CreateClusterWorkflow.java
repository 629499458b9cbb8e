package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds every node of a new cluster and forms the cluster the datastore's way. */
@Component
class CreateClusterWorkflow implements Workflow {

    private final ClusterSteps steps;

    CreateClusterWorkflow(ClusterSteps steps) {
        this.steps = steps;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CREATE_CLUSTER;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("ALLOCATE", 5, "Allocating addresses and node secrets", steps::allocate),
                new Step("SPAWN", 15, "Starting the guest agents", steps::spawn),
                new Step("PREPARE", 70, "Starting the datastore on every node", steps::start),
                new Step("JOIN", 80, "Forming the cluster", steps::join),
                new Step("AWAIT_MEMBERSHIP", 95, "Waiting for the datastore to report every member",
                        steps::awaitMembership),
                new Step("COMPLETE", 100, "Cluster built", steps::complete));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.BUILDING_ERROR_TIMEOUT_GA;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        steps.undo(task, errorTask, reason, true);
    }
}
