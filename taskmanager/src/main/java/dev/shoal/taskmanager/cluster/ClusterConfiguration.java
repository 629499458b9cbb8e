package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.task.ConfigurationApplyParameters;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.cluster.ClusterRepository;
import dev.shoal.domain.cluster.ClusterTask;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.node.NodeConfiguration;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Brings every node of a cluster to its configuration group's values after the group changed. It runs beside the
 * cluster's own changes rather than as one of them (the cluster stays usable and may grow meanwhile): nodes still
 * being built are waited for, since they may have been prepared with the group's former values.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final NodeConfiguration configuration;
    private final MessageCodec codec;

    ClusterConfiguration(ClusterRepository clusters, NodeRepository nodes, NodeConfiguration configuration,
                         MessageCodec codec) {
        this.clusters = clusters;
        this.codec = codec;
        this.nodes = nodes;
        this.configuration = configuration;
    }

    @Bean
    Workflow applyClusterConfiguration() {
        // nothing to undo: a node the group did not reach keeps running with what it had
        return new StepListWorkflow(TaskKind.APPLY_CLUSTER_CONFIGURATION, null, (task, error, reason) -> {
        }, new Step("APPLY", 100, "Applying the configuration group to every node", this::apply))
                .cancellableBefore(null, this::cancelled);
    }

    /**
     * A cancelled apply gives every member of the group the values it ran with before, whether or not the apply
     * reached it; a node still being built keeps the values it is built with. An apply from before these were kept
     * restores nothing.
     */
    private void cancelled(Task task) {
        Optional<Cluster> cluster = clusters.findById(task.getResourceId());
        if (cluster.isEmpty() || cluster.get().isDeleted() || task.getParameters() == null) {
            return;
        }
        ConfigurationApplyParameters before = codec.mapper().readValue(task.getParameters(),
                ConfigurationApplyParameters.class);
        settled(cluster.get()).stream()
                .filter(node -> Objects.equals(node.getConfigurationId(), before.previousConfigurationId()))
                .filter(node -> node.getTask() != NodeTask.BUILDING)
                .forEach(node -> configuration.applyValues(node, before.previousValues(), task.getId().toString()));
    }

    private StepOutcome apply(Task task) {
        Optional<Cluster> cluster = clusters.findById(task.getResourceId());
        if (cluster.isEmpty() || cluster.get().isDeleted() || cluster.get().getTask() == ClusterTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        List<Node> members = settled(cluster.get());
        if (members.stream().anyMatch(node -> node.getTask() == NodeTask.BUILDING)) {
            return StepOutcome.WAIT;
        }
        members.forEach(node -> configuration.apply(node, node.getConfigurationId(), task.getId().toString()));
        return StepOutcome.DONE;
    }

    /** The members a configuration reaches: not leaving, not failed. */
    private List<Node> settled(Cluster cluster) {
        return nodes.findAllByClusterIdAndDeletedAtIsNullOrderByCreated(cluster.getId()).stream()
                .filter(node -> node.getTask() != NodeTask.DELETING && !node.getTask().isError()).toList();
    }
}
