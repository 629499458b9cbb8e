package dev.shoal.taskmanager.replication;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Trove's {@code eject_replica_source}, a failover from a master that is gone, asked by an operator: the old master
 * is fenced, and the replica holding the most of its transactions takes over and the others that answer follow it.
 * The old master leaves the set; its instance stays.
 */
@Component
class EjectReplicaSourceWorkflow implements Workflow {

    private final ReplicaSet replicas;
    private final SwitchoverSteps switchover;
    private final TakeoverSteps takeover;

    EjectReplicaSourceWorkflow(ReplicaSet replicas, SwitchoverSteps switchover, TakeoverSteps takeover) {
        this.replicas = replicas;
        this.switchover = switchover;
        this.takeover = takeover;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.EJECT_REPLICA_SOURCE;
    }

    @Override
    public List<Step> steps() {
        return takeover.steps("Ejection complete");
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
}
