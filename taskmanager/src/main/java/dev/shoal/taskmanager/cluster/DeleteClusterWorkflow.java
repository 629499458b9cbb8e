package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every node, process and data directory of the cluster goes; the rows stay, soft-deleted. */
@Component
class DeleteClusterWorkflow implements Workflow {

    private final ClusterSteps steps;
    private final TaskRepository tasks;

    DeleteClusterWorkflow(ClusterSteps steps, TaskRepository tasks) {
        this.steps = steps;
        this.tasks = tasks;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DELETE_CLUSTER;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("AWAIT_OTHER_TASKS", 10, "Waiting for the running change to step aside",
                        this::awaitOtherTasks),
                new Step("REMOVE_ALL", 100, "Removing every node", steps::removeAll));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.DELETING_ERROR;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        steps.failRemoval(task, errorTask, reason, steps.live(task));
    }

    /** A build still running would start processes behind the delete's back; it ends at its next step. */
    private StepOutcome awaitOtherTasks(Task task) {
        return tasks.existsOpenTaskOtherThan(task.getResourceId(), task.getId()) ? StepOutcome.WAIT : StepOutcome.DONE;
    }
}
