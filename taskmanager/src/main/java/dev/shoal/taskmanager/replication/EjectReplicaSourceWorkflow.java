package dev.shoal.taskmanager.replication;

import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trove's {@code eject_replica_source}, a failover from a master that is gone: the replica holding the most of
 * its transactions takes over and the others that answer follow it. The old master leaves the set; its instance
 * stays.
 */
@Component
class EjectReplicaSourceWorkflow implements Workflow {

    private static final Logger log = LoggerFactory.getLogger(EjectReplicaSourceWorkflow.class);

    private final ReplicaSet replicas;
    private final SwitchoverSteps switchover;

    EjectReplicaSourceWorkflow(ReplicaSet replicas, SwitchoverSteps switchover) {
        this.replicas = replicas;
        this.switchover = switchover;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.EJECT_REPLICA_SOURCE;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("CHOOSE_CANDIDATE", 20, "Choosing the replica with the most advanced position",
                        this::chooseCandidate),
                new Step("ENABLE_AS_MASTER", 50, "Making the candidate the writable master", switchover::enableAsMasterStep),
                new Step("REPOINT_REPLICAS", 80, "Pointing the other replicas at the new master", switchover::repointStep),
                new Step("AWAIT_REPLICATING", 95, "Waiting for every replica to follow", this::awaitFollowing),
                new Step("FINISH", 100, "Ejection complete", switchover::finishStep));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.PROMOTION_ERROR;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        switchover.fail(task, replicas.switchover(task), NodeTask.EJECTING,
                errorTask == null ? NodeTask.PROMOTION_ERROR : errorTask, reason);
    }

    /** A replica that does not answer cannot take over; the others are compared by what they applied. */
    private StepOutcome chooseCandidate(Task task) throws StepFailure {
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



    private StepOutcome awaitFollowing(Task task) throws StepFailure {
        SwitchoverParameters parameters = replicas.switchover(task);
        return switchover.allReplicating(task, parameters.replicas()) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

}
