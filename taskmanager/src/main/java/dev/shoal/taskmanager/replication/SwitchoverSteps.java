package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.LatestTxn;
import dev.shoal.contracts.guest.MakeReadOnly;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.WaitForTxn;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.DriverRoles;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The steps a promotion and an ejection share once the candidate is known (members are instances, or a cluster's
 * nodes): it takes over, the others follow it, and every node of the set returns to no task. Each is safe to run
 * again: the guest calls are idempotent and the candidate's answer is kept in the task row.
 */
@Component
class SwitchoverSteps {

    private final ReplicaSet replicas;
    private final GuestClient guests;
    private final ReplicationSteps replication;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final DriverRoles roles;
    private final Clock clock;

    SwitchoverSteps(ReplicaSet replicas, GuestClient guests, ReplicationSteps replication, MessageCodec codec,
                    TaskManagerProperties properties, DriverRoles roles, Clock clock) {
        this.roles = roles;
        this.replicas = replicas;
        this.guests = guests;
        this.replication = replication;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    void makeReadOnly(Node node, boolean readOnly, Task task) {
        guests.call(node, MessageTypes.MAKE_READ_ONLY, new MakeReadOnly(readOnly), task.getId().toString(),
                properties.guestCallTimeoutLow());
    }

    String latestTxnId(Node node, Task task) {
        return codec.mapper().treeToValue(guests.call(node, MessageTypes.GET_LATEST_TXN_ID, Map.of(),
                task.getId().toString(), properties.guestCallTimeoutLow()).result(), LatestTxn.class).txnId();
    }

    /** @throws StepFailure when the candidate did not apply {@code txnId} within the low call timeout */
    void awaitTxn(Node candidate, String txnId, Task task) throws StepFailure {
        WaitForTxn.Reached reached = codec.mapper().treeToValue(guests.call(candidate, MessageTypes.WAIT_FOR_TXN,
                new WaitForTxn(txnId, properties.guestCallTimeoutLow()), task.getId().toString(),
                properties.guestCallTimeoutLow().plus(properties.guestCallTimeoutLow())).result(),
                WaitForTxn.Reached.class);
        if (!reached.reached()) {
            throw new StepFailure(NodeTask.PROMOTION_ERROR, "replica " + candidate.getName()
                    + " did not apply the master's last transaction " + txnId + " within "
                    + properties.guestCallTimeoutLow().toSeconds() + " s; the master accepts writes again");
        }
    }

    /** The candidate stops following and accepts writes; what it answers is kept for the other steps. */
    SwitchoverParameters enableAsMaster(Task task, SwitchoverParameters parameters) {
        if (parameters.source() != null) {
            return parameters;
        }
        Node candidate = replicas.nodeOf(parameters.candidate());
        ReplicationSnapshot source = codec.mapper().treeToValue(guests.call(candidate, MessageTypes.ENABLE_AS_MASTER,
                Map.of(), task.getId().toString(), properties.guestCallTimeoutHigh()).result(),
                ReplicationSnapshot.class);
        SwitchoverParameters taken = parameters.withSource(source);
        replicas.record(task, taken);
        replicas.instanceOf(parameters.candidate()).ifPresent(instance -> instance.promoted(clock.instant()));
        candidate.takeRole(Role.MASTER, clock.instant());
        // the old master has no part in the set until it follows the new one (an ejected one never does)
        replicas.nodeOf(parameters.oldMaster()).takeRole(null, clock.instant());
        return taken;
    }

    /** Points {@code follower} at the candidate; it already holds the data, so no snapshot is needed. */
    void follow(Task task, SwitchoverParameters parameters, UUID follower) {
        Node candidate = replicas.nodeOf(parameters.candidate());
        Node following = replicas.nodeOf(follower);
        replication.attach(candidate, parameters.source(), following, task.getId().toString());
        replicas.instanceOf(follower).ifPresent(instance -> instance.follows(
                replicas.instance(parameters.candidate()), clock.instant()));
        following.takeRole(Role.REPLICA, clock.instant());
    }

    /** @throws StepFailure when a follower's replication stopped on an error */
    boolean allReplicating(Task task, List<UUID> followers) throws StepFailure {
        boolean all = true;
        for (UUID follower : followers) {
            try {
                all &= replication.isReplicating(replicas.nodeOf(follower), task.getId().toString());
            } catch (StepFailure e) {
                throw new StepFailure(NodeTask.PROMOTION_ERROR, e.getMessage());
            }
        }
        return all;
    }

    /** The step that makes the candidate the writable master, as both switchovers list it. */
    StepOutcome enableAsMasterStep(Task task) {
        enableAsMaster(task, replicas.switchover(task));
        return StepOutcome.DONE;
    }

    /** The step that points every other replica at the new master. */
    StepOutcome repointStep(Task task) {
        SwitchoverParameters parameters = replicas.switchover(task);
        for (UUID replica : parameters.replicas()) {
            follow(task, parameters, replica);
        }
        return StepOutcome.DONE;
    }

    /**
     * The compute driver learns every member's new role first, so that where it routes clients by role (Kubernetes'
     * writer Service) they reach the new master; until it can, the step waits and tries again.
     */
    StepOutcome finishStep(Task task) {
        SwitchoverParameters parameters = replicas.switchover(task);
        if (!roles.told(task, members(parameters).stream().map(replicas::nodeOf).toList())) {
            return StepOutcome.WAIT;
        }
        finish(parameters);
        return StepOutcome.DONE;
    }

    void finish(SwitchoverParameters parameters) {
        for (UUID id : members(parameters)) {
            Node node = replicas.nodeOf(id);
            if (!node.isDeleted() && !node.getTask().isError() && node.getTask() != NodeTask.DELETING) {
                node.finishTask(clock.instant());
            }
            replicas.instanceOf(id).ifPresent(instance -> instance.touch(clock.instant()));
        }
    }

    /**
     * The task's own instance keeps the error with its reason; the other members return to no task, as nothing
     * was changed on them that a new request could not take up again.
     */
    void fail(Task task, SwitchoverParameters parameters, NodeTask running, NodeTask errorTask, String reason) {
        for (UUID id : members(parameters)) {
            Node node = replicas.nodeOf(id);
            if (node.getTask() != running) {
                continue;
            }
            if (id.equals(task.getResourceId())) {
                node.fail(errorTask, reason, clock.instant());
            } else {
                node.finishTask(clock.instant());
            }
        }
    }

    /** A cancelled switchover changed nothing that stays: every member that took it returns to no task. */
    void cancel(SwitchoverParameters parameters, NodeTask running) {
        for (UUID id : members(parameters)) {
            Node node = replicas.nodeOf(id);
            if (node.getTask() == running) {
                node.finishTask(clock.instant());
                replicas.instanceOf(id).ifPresent(instance -> instance.touch(clock.instant()));
            }
        }
    }

    /** Every node that took the task: the set as the task found it, and replicas left with the old master. */
    private Set<UUID> members(SwitchoverParameters parameters) {
        Set<UUID> members = new LinkedHashSet<>();
        members.add(parameters.oldMaster());
        if (parameters.candidate() != null) {
            members.add(parameters.candidate());
        }
        members.addAll(parameters.replicas());
        members.addAll(replicas.replicasOf(parameters.oldMaster()));
        return members;
    }
}
