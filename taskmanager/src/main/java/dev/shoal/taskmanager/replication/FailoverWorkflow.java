package dev.shoal.taskmanager.replication;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Shoal's own failover of a replication set whose master is dead ({@link FailoverWatch} decides and starts it): the
 * takeover an operator's {@code eject_replica_source} runs, asked by nobody.
 */
@Component
class FailoverWorkflow implements Workflow {

    private final ReplicaSet replicas;
    private final SwitchoverSteps switchover;
    private final TakeoverSteps takeover;

    FailoverWorkflow(ReplicaSet replicas, SwitchoverSteps switchover, TakeoverSteps takeover) {
        this.replicas = replicas;
        this.switchover = switchover;
        this.takeover = takeover;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.FAILOVER;
    }

    @Override
    public List<Step> steps() {
        return takeover.steps("Failover complete: the replica took over");
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
