package dev.shoal.taskmanager.instance;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.task.DeleteParameters;
import dev.shoal.domain.log.InstanceLogPartRepository;
import dev.shoal.domain.log.InstanceLogRepository;
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
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stops the datastore cleanly if its guest still answers, then removes every process and file of the node. Until it
 * begins removing them it can be cancelled, unless it stopped another operation as it began: the node then serves
 * again as it did before.
 */
@Component
class DeleteInstanceWorkflow implements Workflow {

    private static final String STOP_DB = "STOP_DB";

    private final InstanceNodes instanceNodes;
    private final TaskRepository tasks;
    private final NodeBuilder builder;
    private final MessageCodec codec;
    private final InstanceLogRepository logs;
    private final InstanceLogPartRepository logParts;
    private final Clock clock;

    DeleteInstanceWorkflow(InstanceNodes instanceNodes, TaskRepository tasks, NodeBuilder builder, MessageCodec codec,
                           InstanceLogRepository logs, InstanceLogPartRepository logParts, Clock clock) {
        this.instanceNodes = instanceNodes;
        this.logs = logs;
        this.logParts = logParts;
        this.codec = codec;
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
                new Step(STOP_DB, 30, "Stopping the datastore", this::stopDatastore),
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

    @Override
    public Set<String> cancellableSteps() {
        return Set.of("AWAIT_OTHER_TASKS", "STOP_DB");
    }

    @Override
    public Set<String> cancellableSteps(Task task) {
        return parameters(task).stoppedAny() ? Set.of() : cancellableSteps();
    }

    /**
     * The node takes back the task it had before the delete; a datastore the delete may have stopped is started again
     * (restarted if the stop had not reached it yet), which also applies a restart the node still required.
     */
    @Override
    public void onCancel(Task task) {
        Node node = instanceNodes.node(task);
        if (node.isDeleted() || node.getTask() != NodeTask.DELETING) {
            return;
        }
        DeleteParameters before = parameters(task);
        boolean restarting = STOP_DB.equals(task.getStep());
        NodeTask previous = before.previousTask() == null ? NodeTask.NONE : NodeTask.valueOf(before.previousTask());
        if (previous == NodeTask.NONE || (restarting && previous == NodeTask.RESTART_REQUIRED)) {
            node.finishTask(clock.instant());
        } else {
            node.startTask(previous, before.previousTaskDescription(), clock.instant());
        }
        instanceNodes.instance(task).touch(clock.instant());
        if (restarting) {
            builder.restartDatastore(node, task.getId().toString());
        }
    }

    private DeleteParameters parameters(Task task) {
        return task.getParameters() == null ? new DeleteParameters(null, null, null)
                : codec.mapper().readValue(task.getParameters(), DeleteParameters.class);
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

    /** Its published logs go with it: nothing of a deleted instance stays readable. */
    private StepOutcome markDeleted(Task task) {
        logParts.deleteByInstanceId(task.getResourceId());
        logs.deleteByInstanceId(task.getResourceId());
        instanceNodes.node(task).markDeleted(clock.instant());
        instanceNodes.instance(task).markDeleted(clock.instant());
        return StepOutcome.DONE;
    }
}
