package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.datastore.Ability;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.DriverRoles;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An old master that came back after a failover rejoins its set as a replica of the new master when its history is a
 * prefix of the new master's; otherwise it stays fenced, refusing writes, in error: it is to be replaced. A history
 * that holds more than the new master's is refused before anything changes; one that forked at an equal length is
 * found by the new master refusing to serve it (MariaDB's strict GTID mode). A datastore that
 * {@linkplain Ability#DISCARDS_FORKED_HISTORY discards a forked tail} itself is not compared: its guest makes the
 * old master's history a prefix of the new master's as it follows it.
 */
@Component
class RejoinWorkflow implements Workflow {

    private final ReplicaSet replicas;
    private final SwitchoverSteps switchover;
    private final ReplicationSteps replication;
    private final DriverRoles roles;
    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final Clock clock;

    RejoinWorkflow(ReplicaSet replicas, SwitchoverSteps switchover, ReplicationSteps replication, DriverRoles roles,
                   GuestClient guests, MessageCodec codec, TaskManagerProperties properties, Clock clock) {
        this.replicas = replicas;
        this.switchover = switchover;
        this.replication = replication;
        this.roles = roles;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.REJOIN_REPLICA;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("COMPARE_HISTORY", 20, "Comparing the old master's transactions with the new master's",
                        this::compareHistory),
                new Step("FOLLOW_NEW_MASTER", 60, "Making the old master a replica of the new one",
                        this::followNewMaster),
                new Step("AWAIT_REPLICATING", 90, "Waiting for the old master to replicate", this::awaitReplicating),
                new Step("FINISH", 100, "The old master follows the new one", this::finish));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.REJOIN_ERROR;
    }

    /** It stays as it is, refusing writes; it has no part in the set. */
    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        Node oldMaster = replicas.nodeOf(parameters(task).oldMaster());
        oldMaster.takeRole(null, clock.instant());
        replicas.instanceOf(parameters(task).oldMaster()).ifPresent(instance -> instance.detached(clock.instant()));
        oldMaster.fail(errorTask == null || !errorTask.isError() ? NodeTask.REJOIN_ERROR : errorTask, reason,
                clock.instant());
    }

    StepOutcome compareHistory(Task task) throws StepFailure {
        RejoinParameters parameters = parameters(task);
        Node oldMaster = replicas.nodeOf(parameters.oldMaster());
        if (replicas.datastoreOf(oldMaster).can(Ability.DISCARDS_FORKED_HISTORY)) {
            // its guest makes its history a prefix of the new master's as it follows it
            return StepOutcome.DONE;
        }
        String old = switchover.latestTxnId(oldMaster, task);
        String now = switchover.latestTxnId(replicas.nodeOf(parameters.master()), task);
        if (!GtidPosition.parse(now).includes(GtidPosition.parse(old))) {
            throw diverged("it holds transactions the new master lacks (" + old + " against " + now + ")");
        }
        return StepOutcome.DONE;
    }

    private StepOutcome followNewMaster(Task task) {
        RejoinParameters parameters = parameters(task);
        Node master = replicas.nodeOf(parameters.master());
        Node oldMaster = replicas.nodeOf(parameters.oldMaster());
        if (parameters.source() == null) {
            // the master is one already: it only says where it is followed from, with its replication password
            ReplicationSnapshot source = codec.mapper().treeToValue(guests.call(master,
                    MessageTypes.PROMOTE_TO_REPLICA_SOURCE, Map.of(), task.getId().toString(),
                    properties.guestCallTimeoutLow()).result(), ReplicationSnapshot.class);
            parameters = parameters.withSource(source);
            replicas.record(task, parameters);
        }
        guests.call(oldMaster, MessageTypes.DEMOTE_REPLICATION_MASTER, Map.of(), task.getId().toString(),
                properties.guestCallTimeoutLow());
        replication.attach(master, parameters.source(), oldMaster, task.getId().toString());
        UUID newMaster = parameters.master();
        replicas.instanceOf(parameters.oldMaster()).ifPresent(instance -> instance.follows(
                replicas.instance(newMaster), clock.instant()));
        oldMaster.takeRole(Role.REPLICA, clock.instant());
        return StepOutcome.DONE;
    }

    private StepOutcome awaitReplicating(Task task) throws StepFailure {
        ReplicationStatus status = codec.mapper().treeToValue(guests.call(
                replicas.nodeOf(parameters(task).oldMaster()), MessageTypes.GET_REPLICATION_STATUS, Map.of(),
                task.getId().toString(), properties.guestCallTimeoutLow()).result(), ReplicationStatus.class);
        if (status.ioRunning() && status.sqlRunning()) {
            return StepOutcome.DONE;
        }
        // the new master's binary log lacks what the old one holds: MariaDB's fatal error 1236 under strict GTID mode
        if (status.lastError() != null && status.lastError().contains("1236")) {
            throw diverged("the new master cannot serve it: " + status.lastError());
        }
        return StepOutcome.WAIT;
    }

    /**
     * The driver learns its part only now: until it replicates it keeps none there, so a rejoin that fails leaves
     * nothing to take back.
     */
    StepOutcome finish(Task task) {
        Node oldMaster = replicas.nodeOf(parameters(task).oldMaster());
        if (!roles.told(task, List.of(oldMaster))) {
            return StepOutcome.WAIT;
        }
        oldMaster.finishTask(clock.instant());
        replicas.instanceOf(parameters(task).oldMaster()).ifPresent(instance -> instance.touch(clock.instant()));
        return StepOutcome.DONE;
    }

    private RejoinParameters parameters(Task task) {
        return codec.mapper().readValue(task.getParameters(), RejoinParameters.class);
    }

    private static StepFailure diverged(String why) {
        return new StepFailure(NodeTask.REJOIN_ERROR, "the old master's history diverged from the new master's: "
                + why + "; it stays fenced, refusing writes: replace it");
    }
}
