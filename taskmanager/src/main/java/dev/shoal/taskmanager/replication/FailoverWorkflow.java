package dev.shoal.taskmanager.replication;

import dev.shoal.domain.task.TaskKind;
import org.springframework.stereotype.Component;

/**
 * Shoal's own failover of a replication set whose master is dead ({@link FailoverWatch} decides and starts it): the
 * takeover an operator's ejection runs, asked by nobody.
 */
@Component
class FailoverWorkflow extends TakeoverWorkflow {

    FailoverWorkflow(ReplicaSet replicas, SwitchoverSteps switchover, TakeoverSteps takeover) {
        super(replicas, switchover, takeover, TaskKind.FAILOVER, "Failover complete: the replica took over");
    }
}
