package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.domain.cluster.ClusterTask;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.NodeConfiguration;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trove's cluster restart, rolling: one node at a time, the next only once the datastore reports every member
 * healthy again, so the cluster keeps serving; what a configuration group left for a restart takes effect, and
 * each node's running values are read back. Every node restarted is recorded, so a resumed task goes on from there.
 * A restart of named nodes only (one node's restart asked for) does not wait for the cluster to be healthy first:
 * the node may be what keeps it from being so.
 */
@Configuration(proxyBeanMethods = false)
class ClusterRestart {

    private final ClusterNodes clusterNodes;
    private final ClusterStrategies strategies;
    private final GuestClient guests;
    private final NodeConfiguration configuration;
    private final TaskManagerProperties properties;
    private final Clock clock;

    ClusterRestart(ClusterNodes clusterNodes, ClusterStrategies strategies, GuestClient guests,
                   NodeConfiguration configuration, TaskManagerProperties properties, Clock clock) {
        this.clusterNodes = clusterNodes;
        this.strategies = strategies;
        this.guests = guests;
        this.configuration = configuration;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    Workflow restartCluster() {
        return new StepListWorkflow(TaskKind.RESTART_CLUSTER, null, this::failed,
                new Step("RESTART", 90, "Restarting one node at a time", this::restartNext),
                new Step("AWAIT_MEMBERSHIP", 95, "Waiting for the datastore to report every member", this::formed),
                new Step("COMPLETE", 100, "Every node restarted", this::complete));
    }

    /** One node per run: marked REBOOTING first (visible while it restarts), restarted on the next run. */
    private StepOutcome restartNext(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (context.cluster().getTask() == ClusterTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        List<UUID> named = context.parameters().nodes();
        for (Node node : context.members()) {
            if (node.getTask().isError() || context.parameters().restarted().contains(node.getId())
                    || !named.isEmpty() && !named.contains(node.getId())) {
                continue;
            }
            if (node.getTask() != NodeTask.REBOOTING) {
                if (named.isEmpty() && !strategies.of(context.cluster()).formed(context)) {
                    return StepOutcome.WAIT;
                }
                node.startTask(NodeTask.REBOOTING, "Restarting with the cluster", clock.instant());
                return StepOutcome.WAIT;
            }
            guests.call(node, MessageTypes.RESTART, Map.of(), context.correlationId(),
                    properties.guestCallTimeoutHigh());
            if (node.getConfigurationId() != null) {
                configuration.apply(node, node.getConfigurationId(), context.correlationId());
            }
            if (node.getTask() == NodeTask.REBOOTING) {
                node.finishTask(clock.instant());
            }
            clusterNodes.record(task, context.parameters().withRestarted(node.getId()));
            return StepOutcome.WAIT;
        }
        return StepOutcome.DONE;
    }

    private StepOutcome formed(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (context.cluster().getTask() == ClusterTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        return strategies.of(context.cluster()).formed(context) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    private StepOutcome complete(Task task) {
        clusterNodes.context(task).cluster().finishTask(clock.instant());
        return StepOutcome.DONE;
    }

    /** The cluster shows why; a node whose restart failed still has its restart to do. */
    private void failed(Task task, NodeTask errorTask, String reason) {
        ClusterContext context = clusterNodes.context(task);
        if (context.cluster().getTask() == ClusterTask.DELETING) {
            return;
        }
        context.cluster().fail(reason, clock.instant());
        context.members().stream().filter(node -> node.getTask() == NodeTask.REBOOTING).forEach(node ->
                node.startTask(NodeTask.RESTART_REQUIRED, "The restart failed: " + reason, clock.instant()));
    }
}
