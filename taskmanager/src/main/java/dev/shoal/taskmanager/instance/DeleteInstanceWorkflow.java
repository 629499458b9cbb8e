package dev.shoal.taskmanager.instance;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.StopDb;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.ServerStatus;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stops the datastore cleanly if its guest still answers, then removes every process and file of the node. */
@Component
class DeleteInstanceWorkflow implements Workflow {

    private static final Logger log = LoggerFactory.getLogger(DeleteInstanceWorkflow.class);

    private final InstanceNodes instanceNodes;
    private final TaskRepository tasks;
    private final ComputeDriver compute;
    private final GuestClient guests;
    private final TaskManagerProperties properties;
    private final Clock clock;

    DeleteInstanceWorkflow(InstanceNodes instanceNodes, TaskRepository tasks, ComputeDriver compute,
                           GuestClient guests, TaskManagerProperties properties, Clock clock) {
        this.instanceNodes = instanceNodes;
        this.tasks = tasks;
        this.compute = compute;
        this.guests = guests;
        this.properties = properties;
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
        if (node.secret().isPresent() && compute.status(node.getId().toString()) == ServerStatus.ACTIVE) {
            try {
                guests.call(node, MessageTypes.STOP_DB, new StopDb(), task.getId().toString(),
                        properties.guestCallTimeoutLow());
            } catch (GuestCallException e) {
                log.warn("node {}: clean stop failed ({}); its processes are terminated instead", node.getId(),
                        e.getMessage());
            }
        }
        return StepOutcome.DONE;
    }

    private StepOutcome destroy(Task task) throws StepFailure {
        Node node = instanceNodes.node(task);
        try {
            compute.destroy(node.getId().toString());
        } catch (ComputeException e) {
            throw new StepFailure(NodeTask.DELETING_ERROR, e.getMessage());
        }
        guests.deleteQueue(node.getId().toString());
        return StepOutcome.DONE;
    }

    private StepOutcome markDeleted(Task task) {
        instanceNodes.node(task).markDeleted(clock.instant());
        instanceNodes.instance(task).markDeleted(clock.instant());
        return StepOutcome.DONE;
    }
}
