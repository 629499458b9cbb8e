package dev.shoal.taskmanager.replication;

import dev.shoal.domain.task.TaskKind;
import org.springframework.stereotype.Component;

/** Trove's {@code eject_replica_source}: an operator's takeover from a master that is gone. */
@Component
class EjectReplicaSourceWorkflow extends TakeoverWorkflow {

    EjectReplicaSourceWorkflow(ReplicaSet replicas, SwitchoverSteps switchover, TakeoverSteps takeover) {
        super(replicas, switchover, takeover, TaskKind.EJECT_REPLICA_SOURCE, "Ejection complete");
    }
}
