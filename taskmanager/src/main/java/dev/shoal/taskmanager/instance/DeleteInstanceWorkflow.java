package dev.shoal.taskmanager.instance;

import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.node.NodeBuilder;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stops the datastore cleanly if its guest still answers, then removes every process and file of the node. */
@Component
class DeleteInstanceWorkflow implements Workflow {

    private final InstanceNodes instanceNodes;
    private final TaskRepository tasks;
    private final NodeBuilder builder;
    private final Clock clock;

    DeleteInstanceWorkflow(InstanceNodes instanceNodes, TaskRepository tasks, NodeBuilder builder, Clock clock) {
        this.instanceNodes = instanceNodes;
        this.tasks = tasks;
        this.builder = builder;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DELETE_INSTANCE;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("AWAIT_OTHER_TASKS", 10, "Waiting for the build to step aside", this::awaitOtherTasks),
                new Step("STOP_DB", 30, "Stopping the datastore", this::stopDatastore),
                new Step("DESTROY", 80, "Removing the node", this::destroy),
                new Step("MARK_DELETED", 100, "Releasing the address", this::markDeleted));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.DELETING_ERROR;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        instanceNodes.node(task).fail(errorTask == null ? NodeTask.DELETING_ERROR : errorTask, reason,
                clock.instant());
    }

    /** A build still running would start processes behind the delete's back: it ends at its next step. */
    private StepOutcome awaitOtherTasks(Task task) {
        return tasks.existsOpenTaskOtherThan(task.getResourceId(), task.getId()) ? StepOutcome.WAIT : StepOutcome.DONE;
    }

    private StepOutcome stopDatastore(Task task) {
        Node node = instanceNodes.node(task);
        if (node.getTask() != NodeTask.DELETING) {
            node.startTask(NodeTask.DELETING, "Deleting the node", clock.instant());
        }
        builder.stopDatastore(node, task.getId().toString());
        return StepOutcome.DONE;
    }

    private StepOutcome destroy(Task task) throws StepFailure {
        builder.destroy(instanceNodes.node(task));
        return StepOutcome.DONE;
    }

    private StepOutcome markDeleted(Task task) {
        instanceNodes.node(task).markDeleted(clock.instant());
        instanceNodes.instance(task).markDeleted(clock.instant());
        return StepOutcome.DONE;
    }
}
