package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.datastore.control.ClusterChange;
import dev.shoal.datastore.control.ClusterNode;
import dev.shoal.domain.node.Node;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A step's {@link ClusterContext} as a datastore's cluster strategy sees it: one view per node row, so the same node
 * is the same view wherever it appears; a snapshot remembered is written into the task's parameters.
 */
final class TaskClusterChange implements ClusterChange {

    private final ClusterContext context;
    private final ClusterNodes clusterNodes;
    private final Clock clock;
    private final Map<UUID, TaskClusterNode> views = new LinkedHashMap<>();
    private ClusterParameters parameters;

    TaskClusterChange(ClusterContext context, ClusterNodes clusterNodes, Clock clock) {
        this.context = context;
        this.clusterNodes = clusterNodes;
        this.clock = clock;
        this.parameters = context.parameters();
    }

    /** The view of a node row of this cluster. */
    ClusterNode node(Node node) {
        return views.computeIfAbsent(node.getId(), id -> new TaskClusterNode(node, clock));
    }

    @Override
    public String clusterId() {
        return context.cluster().getId().toString();
    }

    @Override
    public String correlationId() {
        return context.correlationId();
    }

    @Override
    public List<ClusterNode> members() {
        return context.members().stream().map(this::node).toList();
    }

    @Override
    public List<ClusterNode> added() {
        return context.added().stream().map(this::node).toList();
    }

    @Override
    public Optional<ClusterNode> replaced() {
        return context.replaced().map(this::node);
    }

    @Override
    public Optional<ReplicationSnapshot> snapshot() {
        return Optional.ofNullable(parameters.snapshot());
    }

    @Override
    public void rememberSnapshot(ReplicationSnapshot snapshot) {
        parameters = parameters.withSnapshot(snapshot);
        clusterNodes.record(context.task(), parameters);
    }
}
