package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.replication.ReplicationSteps;
import dev.shoal.taskmanager.task.StepFailure;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * MySQL replication as a cluster: the node whose role says so is the master (a new cluster's first node), every
 * other node a read-only replica made from one snapshot of it; formed when every replica replicates.
 */
@Component
class MysqlClusterStrategy implements ClusterStrategy {

    private final ReplicationSteps replication;
    private final ClusterNodes clusterNodes;
    private final Clock clock;

    MysqlClusterStrategy(ReplicationSteps replication, ClusterNodes clusterNodes, Clock clock) {
        this.replication = replication;
        this.clusterNodes = clusterNodes;
        this.clock = clock;
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

    /** The member whose role says it is the master; a new cluster's first node takes that part, the rest follow it. */
    private Node master(ClusterContext context) {
        Node master = context.members().stream().filter(node -> node.hasRole(Role.MASTER)).findFirst()
                .orElseGet(() -> context.members().get(0));
        master.takeRole(Role.MASTER, clock.instant());
        context.members().stream().filter(node -> !node.getId().equals(master.getId()))
                .forEach(node -> node.takeRole(Role.REPLICA, clock.instant()));
        return master;
    }
}
