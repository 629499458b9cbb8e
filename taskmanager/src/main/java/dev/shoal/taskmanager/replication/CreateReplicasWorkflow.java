package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.node.NodeBuilder;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds read-only replicas of a MySQL master from one snapshot, as the seed's replication flow does: the replica
 * nodes are prepared, the master writes one snapshot, every replica loads it and replicates from its GTID position.
 */
@Component
class CreateReplicasWorkflow implements Workflow {

    private final ReplicaSet replicas;
    private final NodeBuilder builder;
    private final ReplicationSteps replication;
    private final Clock clock;

    CreateReplicasWorkflow(ReplicaSet replicas, NodeBuilder builder, ReplicationSteps replication, Clock clock) {
        this.replicas = replicas;
        this.builder = builder;
        this.replication = replication;
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
        return builder.spawnAll(replicas.buildingReplicas(task)) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    private StepOutcome prepare(Task task) {
        replicas.buildingReplicas(task).forEach(node -> builder.prepare(node, task.getId().toString(), null));
        return StepOutcome.DONE;
    }

    private StepOutcome awaitPrepared(Task task) throws StepFailure {
        boolean all = true;
        for (Node node : replicas.buildingReplicas(task)) {
            if (builder.awaitsPrepare(node, task.getUpdated())) {
                builder.prepare(node, task.getId().toString(), null);
            }
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
            replicas.record(task, parameters.withSnapshot(
                    replication.snapshot(replicas.masterNode(task), task.getId().toString(), task.getId().toString())));
        }
        return StepOutcome.DONE;
    }

    private StepOutcome attach(Task task) {
        ReplicationSnapshot snapshot = replicas.parameters(task).snapshot();
        Node master = replicas.masterNode(task);
        for (Node node : replicas.buildingReplicas(task)) {
            replication.attach(master, snapshot, node, task.getId().toString());
        }
        return StepOutcome.DONE;
    }

    private StepOutcome awaitReplicating(Task task) throws StepFailure {
        boolean all = true;
        for (Node node : replicas.buildingReplicas(task)) {
            all &= replication.isReplicating(node, task.getId().toString());
        }
        return all ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    private StepOutcome finish(Task task) {
        replication.dropSnapshot(replicas.masterNode(task), task.getId().toString(), task.getId().toString());
        for (Node node : replicas.buildingReplicas(task)) {
            node.finishTask(clock.instant());
            replicas.instance(node.getInstanceId()).touch(clock.instant());
        }
        return StepOutcome.DONE;
    }
}
