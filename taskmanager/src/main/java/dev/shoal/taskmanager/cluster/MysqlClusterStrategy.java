package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.replication.ReplicationSteps;
import dev.shoal.taskmanager.task.StepFailure;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * MySQL replication as a cluster: the first node is the master, every other node a read-only replica made from
 * one snapshot of it; formed when every replica replicates.
 */
@Component
class MysqlClusterStrategy implements ClusterStrategy {

    private final ReplicationSteps replication;
    private final ClusterNodes clusterNodes;

    MysqlClusterStrategy(ReplicationSteps replication, ClusterNodes clusterNodes) {
        this.replication = replication;
        this.clusterNodes = clusterNodes;
    }

    @Override
    public String manager() {
        return "mysql";
    }

    @Override
    public void join(ClusterContext context) {
        Node master = master(context);
        List<Node> replicas = context.added().stream().filter(node -> !node.getId().equals(master.getId())).toList();
        if (replicas.isEmpty()) {
            return;
        }
        ReplicationSnapshot snapshot = context.parameters().snapshot();
        if (snapshot == null) {
            snapshot = replication.snapshot(master, context.correlationId(), context.correlationId());
            clusterNodes.record(context.task(), context.parameters().withSnapshot(snapshot));
        }
        for (Node replica : replicas) {
            replication.attach(master, snapshot, replica, context.correlationId());
        }
    }

    @Override
    public boolean formed(ClusterContext context) throws StepFailure {
        Node master = master(context);
        for (Node node : context.members()) {
            if (!node.getId().equals(master.getId()) && !replication.isReplicating(node, context.correlationId())) {
                return false;
            }
        }
        if (context.parameters().snapshot() != null) {
            replication.dropSnapshot(master, context.correlationId(), context.correlationId());
        }
        return true;
    }

    private static Node master(ClusterContext context) {
        return context.members().get(0);
    }
}
