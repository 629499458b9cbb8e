package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.contracts.guest.SnapshotRequest;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.NodeBuilder;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds read-only replicas of a MySQL master from one snapshot, as the seed's replication flow does: the replica
 * nodes are prepared, the master writes one snapshot, every replica loads it and replicates from its GTID position.
 */
@Component
class CreateReplicasWorkflow implements Workflow {

    private static final Logger log = LoggerFactory.getLogger(CreateReplicasWorkflow.class);

    private final ReplicaSet replicas;
    private final NodeBuilder builder;
    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final Clock clock;

    CreateReplicasWorkflow(ReplicaSet replicas, NodeBuilder builder, GuestClient guests, MessageCodec codec,
                           TaskManagerProperties properties, Clock clock) {
        this.replicas = replicas;
        this.builder = builder;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CREATE_REPLICAS;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("ALLOCATE", 10, "Allocating addresses and node secrets", this::allocate),
                new Step("SPAWN", 20, "Starting the guest agents", this::spawn),
                new Step("PREPARE", 30, "Asking the guests to prepare MySQL", this::prepare),
                new Step("AWAIT_PREPARED", 50, "Waiting for the replicas' MySQL to run", this::awaitPrepared),
                new Step("AWAIT_MASTER", 55, "Waiting for the master to be active", this::awaitMaster),
                new Step("SNAPSHOT", 65, "Taking a snapshot of the master", this::snapshot),
                new Step("ATTACH", 85, "Loading the snapshot and attaching the replicas", this::attach),
                new Step("AWAIT_REPLICATING", 95, "Waiting for replication to run", this::awaitReplicating),
                new Step("FINISH", 100, "Dropping the snapshot", this::finish));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.BUILDING_ERROR_REPLICA;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        for (Node node : replicas.buildingReplicas(task)) {
            if (node.getTask() == NodeTask.BUILDING) {
                node.fail(errorTask == null ? NodeTask.BUILDING_ERROR_REPLICA : errorTask, reason, clock.instant());
            }
        }
    }

    private StepOutcome allocate(Task task) {
        replicas.buildingReplicas(task).forEach(builder::allocate);
        return StepOutcome.DONE;
    }

    private StepOutcome spawn(Task task) throws StepFailure {
        boolean all = true;
        for (Node node : replicas.buildingReplicas(task)) {
            all &= builder.spawn(node);
        }
        return all ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    private StepOutcome prepare(Task task) {
        replicas.buildingReplicas(task).forEach(node -> builder.prepare(node, task.getId().toString(), null));
        return StepOutcome.DONE;
    }

    private StepOutcome awaitPrepared(Task task) throws StepFailure {
        boolean all = true;
        for (Node node : replicas.buildingReplicas(task)) {
            all &= builder.isRunning(node);
        }
        return all ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    private StepOutcome awaitMaster(Task task) throws StepFailure {
        Node master = replicas.masterNode(task);
        if (master.isDeleted() || master.getTask() == NodeTask.DELETING) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_REPLICA, "the master is being deleted");
        }
        if (master.getTask().isError()) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_REPLICA, "the master failed: "
                    + master.getTaskDescription());
        }
        return master.getTask() == NodeTask.NONE && builder.isRunning(master) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    private StepOutcome snapshot(Task task) {
        ReplicaParameters parameters = replicas.parameters(task);
        if (parameters.snapshot() == null) {
            ReplicationSnapshot taken = codec.mapper().treeToValue(guests.call(replicas.masterNode(task),
                    MessageTypes.CREATE_REPLICATION_SNAPSHOT, new SnapshotRequest(task.getId().toString()),
                    task.getId().toString(), properties.guestCallTimeoutHigh()).result(), ReplicationSnapshot.class);
            replicas.record(task, parameters.withSnapshot(taken));
        }
        return StepOutcome.DONE;
    }

    /** The replication password leaves the master sealed for it and reaches each replica sealed for that one. */
    private StepOutcome attach(Task task) {
        ReplicationSnapshot snapshot = replicas.parameters(task).snapshot();
        Node master = replicas.masterNode(task);
        String password = SecretBox.open(master.secret().orElseThrow(), snapshot.sealedReplicationPassword());
        for (Node node : replicas.buildingReplicas(task)) {
            guests.call(node, MessageTypes.ATTACH_REPLICA,
                    snapshot.resealed(SecretBox.seal(node.secret().orElseThrow(), password)),
                    task.getId().toString(), properties.guestCallTimeoutHigh());
        }
        return StepOutcome.DONE;
    }

    private StepOutcome awaitReplicating(Task task) throws StepFailure {
        boolean all = true;
        for (Node node : replicas.buildingReplicas(task)) {
            ReplicationStatus status = codec.mapper().treeToValue(guests.call(node,
                    MessageTypes.GET_REPLICATION_STATUS, java.util.Map.of(), task.getId().toString(),
                    properties.guestCallTimeoutLow()).result(), ReplicationStatus.class);
            if (status.ioRunning() && status.sqlRunning()) {
                continue;
            }
            if (status.lastError() != null && !status.sqlRunning()) {
                throw new StepFailure(NodeTask.BUILDING_ERROR_REPLICA, "node " + node.getName()
                        + " does not replicate: " + status.lastError());
            }
            all = false;
        }
        return all ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    private StepOutcome finish(Task task) {
        try {
            guests.call(replicas.masterNode(task), MessageTypes.DELETE_REPLICATION_SNAPSHOT,
                    new SnapshotRequest(task.getId().toString()), task.getId().toString(),
                    properties.guestCallTimeoutLow());
        } catch (GuestCallException e) {
            log.warn("snapshot {} stays in the snapshot store: {}", task.getId(), e.getMessage());
        }
        for (Node node : replicas.buildingReplicas(task)) {
            node.finishTask(clock.instant());
            replicas.instance(node.getInstanceId()).touch(clock.instant());
        }
        return StepOutcome.DONE;
    }
}
