package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.DetachReplica;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.DriverRoles;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes a replica a writable standalone instance; its data stays as replicated up to that moment. */
@Component
class DetachReplicaWorkflow implements Workflow {

    private final ReplicaSet replicas;
    private final GuestClient guests;
    private final DriverRoles roles;
    private final TaskManagerProperties properties;
    private final Clock clock;

    DetachReplicaWorkflow(ReplicaSet replicas, GuestClient guests, DriverRoles roles, TaskManagerProperties properties,
                          Clock clock) {
        this.replicas = replicas;
        this.guests = guests;
        this.roles = roles;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DETACH_REPLICA;
    }

    @Override
    public List<Step> steps() {
        return List.of(new Step("DETACH", 90, "Stopping replication and allowing writes", this::detach),
                new Step("FINISH", 100, "The replica is an instance of its own", this::finish));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.PROMOTION_ERROR;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        Node node = replicas.nodeOf(task.getResourceId());
        if (node.getTask() == NodeTask.DETACHING) {
            node.fail(errorTask == null ? NodeTask.PROMOTION_ERROR : errorTask, reason, clock.instant());
        }
    }

    private StepOutcome detach(Task task) {
        Node node = replicas.nodeOf(task.getResourceId());
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        guests.call(node, MessageTypes.DETACH_REPLICA, new DetachReplica(), task.getId().toString(),
                properties.guestCallTimeoutHigh());
        Instance instance = replicas.instance(task.getResourceId());
        instance.detached(clock.instant());
        // the master of a set of its own now
        node.takeRole(Role.MASTER, clock.instant());
        return StepOutcome.DONE;
    }

    /** Its writer address (Kubernetes' writer Service) reaches it before it is said to take writes. */
    StepOutcome finish(Task task) {
        Node node = replicas.nodeOf(task.getResourceId());
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        if (!roles.told(task, List.of(node))) {
            return StepOutcome.WAIT;
        }
        node.finishTask(clock.instant());
        return StepOutcome.DONE;
    }
}
