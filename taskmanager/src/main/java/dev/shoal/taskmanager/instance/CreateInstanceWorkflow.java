package dev.shoal.taskmanager.instance;

import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.backup.BackupRestores;
import dev.shoal.taskmanager.node.GuestPrepareTimes;
import dev.shoal.taskmanager.node.NodeBuilder;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds the node of a standalone instance: address, guest process, prepare, and waits until it runs. */
@Component
class CreateInstanceWorkflow implements Workflow {

    private final InstanceNodes instanceNodes;
    private final NodeBuilder builder;
    private final BackupRestores restores;
    private final GuestPrepareTimes prepareTimes;
    private final Clock clock;

    CreateInstanceWorkflow(InstanceNodes instanceNodes, NodeBuilder builder, BackupRestores restores,
                           GuestPrepareTimes prepareTimes, Clock clock) {
        this.prepareTimes = prepareTimes;
        this.instanceNodes = instanceNodes;
        this.builder = builder;
        this.restores = restores;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CREATE_INSTANCE;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("ALLOCATE", 10, "Allocating an address and a node secret", this::allocate),
                new Step("SPAWN", 30, "Starting the guest agent", this::spawn),
                new Step("PREPARE", 40, "Asking the guest to prepare the datastore", this::prepare),
                new Step("AWAIT_ACTIVE", 100, "Waiting for the datastore to run", this::awaitActive));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.BUILDING_ERROR_TIMEOUT_GA;
    }

    @Override
    public Set<String> cancellableSteps() {
        return steps().stream().map(Step::name).collect(Collectors.toUnmodifiableSet());
    }

    /** A cancelled build leaves no instance: its node goes as a delete removes it (a delete under way goes on). */
    @Override
    public void onCancel(Task task) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING || node.isDeleted()) {
            return;
        }
        if (node.getIp() != null) {
            builder.stopDatastore(node, task.getId().toString());
            try {
                builder.destroy(node);
            } catch (StepFailure e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        node.markDeleted(clock.instant());
        instanceNodes.instance(task).markDeleted(clock.instant());
    }

    /** A build that fails while the instance is being deleted leaves the delete in charge of the node. */
    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return;
        }
        node.fail(errorTask == null ? NodeTask.BUILDING_ERROR_SERVER : errorTask, reason, clock.instant());
        instanceNodes.instance(task).touch(clock.instant());
    }

    private StepOutcome allocate(Task task) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        builder.allocate(node);
        return StepOutcome.DONE;
    }

    private StepOutcome spawn(Task task) throws StepFailure {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        return builder.spawn(node) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    /** An instance restored from a backup loads it before its guest reports the datastore running. */
    private StepOutcome prepare(Task task) throws StepFailure {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        builder.prepare(node, task.getId().toString(), null, restores.restorePoint(task).orElse(null));
        return StepOutcome.DONE;
    }

    private StepOutcome awaitActive(Task task) throws StepFailure {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        if (builder.awaitsPrepare(node, task.getUpdated())) {
            builder.prepare(node, task.getId().toString(), null, restores.restorePoint(task).orElse(null));
        }
        if (!builder.isRunning(node)) {
            return StepOutcome.WAIT;
        }
        prepareTimes.note(List.of(node), task.getId().toString());
        restores.restoreAccounts(task);
        node.finishTask(clock.instant());
        instanceNodes.instance(task).touch(clock.instant());
        return StepOutcome.DONE;
    }
}
