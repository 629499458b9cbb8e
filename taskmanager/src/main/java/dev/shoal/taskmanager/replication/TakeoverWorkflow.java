package dev.shoal.taskmanager.replication;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;

/**
 * A takeover from a master that is gone, whoever asked for it: the old master is fenced, and the replica holding the
 * most of its transactions takes over while the others that answer follow it. The old master leaves the set; its
 * instance stays. Every member of the set holds the task until it ends.
 */
abstract class TakeoverWorkflow implements Workflow {

    private final ReplicaSet replicas;
    private final SwitchoverSteps switchover;
    private final TakeoverSteps takeover;
    private final TaskKind kind;
    private final String finished;

    TakeoverWorkflow(ReplicaSet replicas, SwitchoverSteps switchover, TakeoverSteps takeover, TaskKind kind,
                     String finished) {
        this.replicas = replicas;
        this.switchover = switchover;
        this.takeover = takeover;
        this.kind = kind;
        this.finished = finished;
    }

    @Override
    public TaskKind kind() {
        return kind;
    }

    @Override
    public List<Step> steps() {
        return takeover.steps(finished);
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
