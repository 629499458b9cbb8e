package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of a takeover from a master that is gone, shared by an operator's ejection and Shoal's own failover: the
 * old master fenced, the replicas' relay logs applied, the replica holding the most of the master's transactions
 * chosen, and the others waited for once they follow it.
 */
@Component
class TakeoverSteps {

    private static final Logger log = LoggerFactory.getLogger(TakeoverSteps.class);

    private final ReplicaSet replicas;
    private final SwitchoverSteps switchover;
    private final GuestClient guests;
    private final ComputeDriver compute;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;

    TakeoverSteps(ReplicaSet replicas, SwitchoverSteps switchover, GuestClient guests, ComputeDriver compute,
                  MessageCodec codec, TaskManagerProperties properties) {
        this.replicas = replicas;
        this.switchover = switchover;
        this.guests = guests;
        this.compute = compute;
        this.codec = codec;
        this.properties = properties;
    }

    /** A takeover's steps, in their order; {@code finished} says what was done. */
    List<Workflow.Step> steps(String finished) {
        return List.of(
                new Workflow.Step("FENCE_OLD_MASTER", 10, "Fencing the old master so it takes no write",
                        this::fenceOldMaster),
                new Workflow.Step("APPLY_RELAY_LOGS", 25, "Letting every replica apply what it received",
                        this::applyRelayLogs),
                new Workflow.Step("CHOOSE_CANDIDATE", 40, "Choosing the replica with the most advanced position",
                        this::chooseCandidate),
                new Workflow.Step("ENABLE_AS_MASTER", 60, "Making the candidate the writable master",
                        switchover::enableAsMasterStep),
                new Workflow.Step("REPOINT_REPLICAS", 80, "Pointing the other replicas at the new master",
                        switchover::repointStep),
                new Workflow.Step("AWAIT_REPLICATING", 95, "Waiting for every replica to follow",
                        this::awaitFollowing),
                new Workflow.Step("FINISH", 100, finished, switchover::finishStep));
    }

    /**
     * The old master refuses writes and drops its clients through its guest when that was heard lately; otherwise, or
     * if it does not answer, the compute driver stops its processes. Either way it can take no write beside the new
     * master.
     */
    StepOutcome fenceOldMaster(Task task) throws StepFailure {
        SwitchoverParameters parameters = replicas.switchover(task);
        Node oldMaster = replicas.nodeOf(parameters.oldMaster());
        if (Boolean.TRUE.equals(parameters.masterGuestHeard())) {
            try {
                switchover.makeReadOnly(oldMaster, true, task);
                log.info("task {}: the old master {} refuses writes, its clients dropped", task.getId(),
                        oldMaster.getName());
                return StepOutcome.DONE;
            } catch (GuestCallException e) {
                log.warn("task {}: the old master's guest does not answer ({}); stopping its processes",
                        task.getId(), e.getMessage());
            }
        }
        try {
            compute.stop(oldMaster.getId().toString());
        } catch (ComputeException e) {
            throw new StepFailure(NodeTask.PROMOTION_ERROR, "the old master " + oldMaster.getName()
                    + " could not be fenced, so no replica takes over: " + e.getMessage());
        }
        log.info("task {}: the old master {} is fenced: its processes are stopped", task.getId(), oldMaster.getName());
        return StepOutcome.DONE;
    }

    /**
     * Every replica applies what it received from the master before they are compared: a commit the master
     * acknowledged may be in a replica's relay log only. A replica that does not answer is left out.
     */
    StepOutcome applyRelayLogs(Task task) {
        SwitchoverParameters parameters = replicas.switchover(task);
        List<UUID> answering = parameters.replicas().stream().filter(replica -> {
            Node node = replicas.nodeOf(replica);
            try {
                ReplicationStatus status = codec.mapper().treeToValue(guests.call(node,
                        MessageTypes.GET_REPLICATION_STATUS, Map.of(), task.getId().toString(),
                        properties.guestCallTimeoutLow()).result(), ReplicationStatus.class);
                if (status.received() != null && !status.received().isBlank()) {
                    switchover.awaitTxn(node, status.received(), task);
                }
                return true;
            } catch (GuestCallException | StepFailure e) {
                log.warn("task {}: replica {} cannot take part: {}", task.getId(), node.getName(), e.getMessage());
                return false;
            }
        }).toList();
        replicas.record(task, parameters.following(answering));
        return StepOutcome.DONE;
    }

    /** A replica that does not answer cannot take over; the others are compared by what they applied. */
    StepOutcome chooseCandidate(Task task) throws StepFailure {
        SwitchoverParameters parameters = replicas.switchover(task);
        if (parameters.candidate() != null) {
            return StepOutcome.DONE;
        }
        Map<UUID, GtidPosition> positions = new LinkedHashMap<>();
        for (UUID replica : parameters.replicas()) {
            Node node = replicas.nodeOf(replica);
            try {
                positions.put(replica, GtidPosition.parse(switchover.latestTxnId(node, task)));
            } catch (GuestCallException e) {
                log.warn("task {}: replica {} does not answer and cannot take over: {}", task.getId(),
                        node.getName(), e.getMessage());
            }
        }
        UUID candidate = FailoverCandidate.mostAdvanced(positions).orElseThrow(() -> new StepFailure(
                NodeTask.PROMOTION_ERROR, "no replica of the master answers; none can take over"));
        log.info("task {}: replica {} takes over at {} (positions {})", task.getId(), candidate,
                positions.get(candidate), positions);
        // one that did not answer keeps following the old master; it can be detached or rebuilt later
        replicas.record(task, parameters.following(positions.keySet()).withCandidate(candidate));
        return StepOutcome.DONE;
    }

    StepOutcome awaitFollowing(Task task) throws StepFailure {
        SwitchoverParameters parameters = replicas.switchover(task);
        return switchover.allReplicating(task, parameters.replicas()) ? StepOutcome.DONE : StepOutcome.WAIT;
    }
}
