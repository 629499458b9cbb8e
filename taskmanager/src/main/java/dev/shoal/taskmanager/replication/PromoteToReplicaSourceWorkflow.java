package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.AwaitingAnswer;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trove's {@code promote_to_replica_source}, a switchover without a snapshot: the master stops writing, the
 * candidate applies everything the master wrote, takes over, the other replicas follow it and the old master
 * becomes its read-only replica. Until the candidate takes over, a failure gives the master its writes back.
 */
@Component
class PromoteToReplicaSourceWorkflow implements Workflow {

    private static final Logger log = LoggerFactory.getLogger(PromoteToReplicaSourceWorkflow.class);
    /** Steps after which nothing has changed but the master refusing writes, which a failure undoes. */
    private static final Set<String> UNDOABLE = Set.of("READ_ONLY", "LATEST_TXN", "WAIT_FOR_TXN");

    private final ReplicaSet replicas;
    private final SwitchoverSteps switchover;
    private final GuestClient guests;
    private final TaskManagerProperties properties;

    PromoteToReplicaSourceWorkflow(ReplicaSet replicas, SwitchoverSteps switchover, GuestClient guests,
                                   TaskManagerProperties properties) {
        this.replicas = replicas;
        this.switchover = switchover;
        this.guests = guests;
        this.properties = properties;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.PROMOTE_TO_REPLICA_SOURCE;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("READ_ONLY", 10, "Making the master read-only", this::readOnly),
                new Step("LATEST_TXN", 20, "Reading the master's last transaction", this::latestTxn),
                new Step("WAIT_FOR_TXN", 35, "Waiting for the candidate to apply it", this::waitForTxn),
                new Step("ENABLE_AS_MASTER", 55, "Making the candidate the writable master", switchover::enableAsMasterStep),
                new Step("REPOINT_REPLICAS", 75, "Pointing the other replicas at the new master", switchover::repointStep),
                new Step("DEMOTE_OLD_MASTER", 85, "Making the old master a replica of the new one", this::demote),
                new Step("AWAIT_REPLICATING", 95, "Waiting for every replica to follow", this::awaitFollowing),
                new Step("FINISH", 100, "Promotion complete", switchover::finishStep));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.PROMOTION_ERROR;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        SwitchoverParameters parameters = replicas.switchover(task);
        boolean undoable = task.getStep() == null || UNDOABLE.contains(task.getStep());
        String notWritable = undoable ? masterWritableAgain(task, parameters) : null;
        switchover.fail(task, parameters, NodeTask.PROMOTING, errorTask == null ? NodeTask.PROMOTION_ERROR
                : errorTask, notWritable == null ? reason : reason + "; " + notWritable);
    }

    /** Until the candidate takes writes, the promotion can be cancelled: the master writes again, nothing changed. */
    @Override
    public Set<String> cancellableSteps() {
        return UNDOABLE;
    }

    @Override
    public void onCancel(Task task) {
        SwitchoverParameters parameters = replicas.switchover(task);
        String notWritable = masterWritableAgain(task, parameters);
        if (notWritable == null) {
            switchover.cancel(parameters, NodeTask.PROMOTING);
        } else {
            switchover.fail(task, parameters, NodeTask.PROMOTING, NodeTask.PROMOTION_ERROR,
                    "cancelled at step " + task.getStep() + "; " + notWritable);
        }
    }

    /** @return why the master could not be given its writes back; null once it has them */
    private String masterWritableAgain(Task task, SwitchoverParameters parameters) {
        if (parameters.source() != null) {
            return null;
        }
        try {
            switchover.makeReadOnly(replicas.nodeOf(parameters.oldMaster()), false, task);
            return null;
        } catch (AwaitingAnswer waiting) {
            throw waiting;
        } catch (RuntimeException e) {
            log.warn("task {}: the master {} could not be made writable again: {}", task.getId(),
                    parameters.oldMaster(), e.getMessage());
            return "the master could not be made writable again: " + e.getMessage();
        }
    }

    private StepOutcome readOnly(Task task) {
        switchover.makeReadOnly(replicas.nodeOf(replicas.switchover(task).oldMaster()), true, task);
        return StepOutcome.DONE;
    }

    private StepOutcome latestTxn(Task task) {
        SwitchoverParameters parameters = replicas.switchover(task);
        if (parameters.latestTxnId() == null) {
            replicas.record(task, parameters.withLatestTxnId(
                    switchover.latestTxnId(replicas.nodeOf(parameters.oldMaster()), task)));
        }
        return StepOutcome.DONE;
    }

    private StepOutcome waitForTxn(Task task) throws StepFailure {
        SwitchoverParameters parameters = replicas.switchover(task);
        switchover.awaitTxn(replicas.nodeOf(parameters.candidate()), parameters.latestTxnId(), task);
        return StepOutcome.DONE;
    }

    private StepOutcome demote(Task task) {
        SwitchoverParameters parameters = replicas.switchover(task);
        Node oldMaster = replicas.nodeOf(parameters.oldMaster());
        guests.call(oldMaster, MessageTypes.DEMOTE_REPLICATION_MASTER, Map.of(), task.getId().toString(),
                properties.guestCallTimeoutLow());
        switchover.follow(task, parameters, parameters.oldMaster());
        return StepOutcome.DONE;
    }

    private StepOutcome awaitFollowing(Task task) throws StepFailure {
        SwitchoverParameters parameters = replicas.switchover(task);
        List<UUID> followers = new ArrayList<>(parameters.replicas());
        followers.add(parameters.oldMaster());
        return switchover.allReplicating(task, followers) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

}
