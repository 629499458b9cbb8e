package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.cluster.ClusterRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads a cluster task's cluster and nodes, and records what its steps learnt. */
@Component
class ClusterNodes {

    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final MessageCodec codec;
    private final Clock clock;

    ClusterNodes(ClusterRepository clusters, NodeRepository nodes, MessageCodec codec, Clock clock) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.codec = codec;
        this.clock = clock;
    }

    ClusterContext context(Task task) {
        Cluster cluster = clusters.findById(task.getResourceId())
                .orElseThrow(() -> new IllegalStateException("cluster " + task.getResourceId() + " is gone"));
        ClusterParameters parameters = parameters(task);
        List<Node> live = nodes.findAllByClusterIdAndDeletedAtIsNullOrderByCreated(cluster.getId());
        Optional<Node> replaced = Optional.ofNullable(parameters.replaces()).flatMap(nodes::findById);
        List<Node> members = live.stream()
                .filter(node -> node.getTask() != NodeTask.DELETING)
                .filter(node -> replaced.map(old -> !old.getId().equals(node.getId())).orElse(true))
                .toList();
        List<Node> added = live.stream().filter(node -> parameters.nodes().contains(node.getId())).toList();
        return new ClusterContext(task, cluster, parameters, members, added, replaced);
    }

    List<Node> live(Task task) {
        return nodes.findAllByClusterIdAndDeletedAtIsNullOrderByCreated(task.getResourceId());
    }

    List<Node> named(Task task) {
        return parameters(task).nodes().stream().map(id -> nodes.findById(id).orElseThrow()).toList();
    }

    void record(Task task, ClusterParameters parameters) {
        task.recordParameters(codec.mapper().writeValueAsString(parameters), clock.instant());
    }

    private ClusterParameters parameters(Task task) {
        return task.getParameters() == null ? new ClusterParameters(null, null, null, null, null)
                : codec.mapper().readValue(task.getParameters(), ClusterParameters.class);
    }
}
