package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.cluster.ClusterTask;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.node.DriverRoles;
import dev.shoal.taskmanager.node.GuestPrepareTimes;
import dev.shoal.taskmanager.node.NodeBuilder;
import dev.shoal.taskmanager.node.NodeConfiguration;
import dev.shoal.taskmanager.task.AwaitingAnswer;
import dev.shoal.taskmanager.task.SideBySide;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The steps cluster workflows are made of; each reads the cluster afresh and is safe to run again. */
@Component
class ClusterSteps {

    /** The step of a replace that stops the node being replaced. */
    static final String STOP_REPLACED = "STOP_REPLACED";
    private static final Logger log = LoggerFactory.getLogger(ClusterSteps.class);

    private final ClusterNodes clusterNodes;
    private final ClusterStrategies strategies;
    private final NodeBuilder builder;
    private final NodeConfiguration configuration;
    private final GuestPrepareTimes prepareTimes;
    private final DriverRoles roles;
    private final Clock clock;

    ClusterSteps(ClusterNodes clusterNodes, ClusterStrategies strategies, NodeBuilder builder,
                 NodeConfiguration configuration, GuestPrepareTimes prepareTimes, DriverRoles roles, Clock clock) {
        this.prepareTimes = prepareTimes;
        this.roles = roles;
        this.clusterNodes = clusterNodes;
        this.strategies = strategies;
        this.builder = builder;
        this.configuration = configuration;
        this.clock = clock;
    }

    StepOutcome allocate(Task task) {
        ClusterContext context = clusterNodes.context(task);
        if (deleting(context)) {
            return StepOutcome.SUPERSEDED;
        }
        context.added().forEach(builder::allocate);
        return StepOutcome.DONE;
    }

    StepOutcome spawn(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (deleting(context)) {
            return StepOutcome.SUPERSEDED;
        }
        return builder.spawnAll(context.added()) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    /** Prepares new nodes in the strategy's order; one at a time waits for each to run before the next. */
    StepOutcome start(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (deleting(context)) {
            return StepOutcome.SUPERSEDED;
        }
        ClusterStrategyAdapter strategy = strategies.of(context.cluster());
        ClusterParameters parameters = context.parameters();
        List<Node> running = new java.util.ArrayList<>(context.existing());
        boolean all = true;
        for (ClusterStrategyAdapter.Start start : strategy.startPlan(context)) {
            Node node = start.node();
            if (!parameters.prepared().contains(node.getId())) {
                if (strategy.startsOneAtATime() && !running.isEmpty() && !strategy.settled(context, running)) {
                    return StepOutcome.WAIT;
                }
                builder.prepare(node, context.correlationId(), start.member());
                parameters = parameters.withPrepared(node.getId());
                clusterNodes.record(task, parameters);
                log.info("cluster {}: preparing node {} on {}", context.cluster().getId(), node.getName(), node.getIp());
                if (strategy.startsOneAtATime()) {
                    return StepOutcome.WAIT;
                }
                all = false;
            } else if (!builder.isRunning(node)) {
                if (builder.awaitsPrepare(node, task.getUpdated())) {
                    builder.prepare(node, context.correlationId(), start.member());
                }
                if (strategy.startsOneAtATime()) {
                    return StepOutcome.WAIT;
                }
                all = false;
            } else {
                running.add(node);
            }
        }
        if (!all) {
            return StepOutcome.WAIT;
        }
        prepareTimes.note(context.added(), context.correlationId());
        return StepOutcome.DONE;
    }

    StepOutcome join(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (deleting(context)) {
            return StepOutcome.SUPERSEDED;
        }
        strategies.of(context.cluster()).join(context);
        return StepOutcome.DONE;
    }

    StepOutcome awaitMembership(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (deleting(context)) {
            return StepOutcome.SUPERSEDED;
        }
        return strategies.of(context.cluster()).formed(context) ? StepOutcome.DONE : StepOutcome.WAIT;
    }

    /**
     * Nodes are made before the cluster gives them their parts (its master, its seeds): the compute driver learns them
     * before the cluster is said to be ready, so that its writer address reaches the master by then.
     */
    StepOutcome complete(Task task) {
        ClusterContext context = clusterNodes.context(task);
        if (!roles.told(task, context.members())) {
            return StepOutcome.WAIT;
        }
        context.added().forEach(node -> node.finishTask(clock.instant()));
        context.added().stream().filter(node -> node.getConfigurationId() != null).forEach(node ->
                readConfiguration(node, context.correlationId()));
        context.cluster().finishTask(clock.instant());
        return StepOutcome.DONE;
    }

    /**
     * A node prepared with a group already runs with its values; asking it once records what it runs with. Only a
     * reading: a datastore that cannot answer must not undo a cluster that works.
     */
    private void readConfiguration(Node node, String correlationId) {
        try {
            configuration.apply(node, node.getConfigurationId(), correlationId);
        } catch (AwaitingAnswer waiting) {
            throw waiting;
        } catch (RuntimeException e) {
            log.warn("node {}: running configuration not read: {}", node.getName(), e.getMessage());
        }
    }

    StepOutcome stopReplaced(Task task) {
        ClusterContext context = clusterNodes.context(task);
        context.replaced().filter(old -> !old.isDeleted()).ifPresent(old -> {
            old.startTask(NodeTask.DELETING, "Being replaced", clock.instant());
            strategies.of(context.cluster()).beforeReplacing(context, old);
        });
        return StepOutcome.DONE;
    }

    StepOutcome retireReplaced(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (context.replaced().isPresent() && !context.replaced().get().isDeleted()) {
            strategies.of(context.cluster()).retireReplaced(context, context.replaced().get());
        }
        return StepOutcome.DONE;
    }

    StepOutcome destroyReplaced(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        if (context.replaced().isPresent() && !context.replaced().get().isDeleted()) {
            remove(context.replaced().get(), context.correlationId());
        }
        return StepOutcome.DONE;
    }

    StepOutcome leave(Task task) throws StepFailure {
        ClusterContext context = clusterNodes.context(task);
        for (Node leaving : clusterNodes.named(task)) {
            if (!leaving.isDeleted()) {
                strategies.of(context.cluster()).leave(context, leaving);
            }
        }
        return StepOutcome.DONE;
    }

    StepOutcome removeNamed(Task task) throws StepFailure {
        for (Node node : clusterNodes.named(task)) {
            if (!node.isDeleted()) {
                remove(node, task.getId().toString());
            }
        }
        return StepOutcome.DONE;
    }

    StepOutcome removeAll(Task task) throws StepFailure {
        List<Node> nodes = clusterNodes.live(task);
        builder.stopDatastores(nodes, task.getId().toString());
        builder.destroyAll(nodes);
        clusterNodes.context(task).cluster().markDeleted(clock.instant());
        return StepOutcome.DONE;
    }

    /**
     * A failed change leaves the cluster as it was before, with the reason shown: nodes it was adding are removed
     * (their rows kept, failed, when the cluster was being created), a node being replaced is started again.
     */
    void undo(Task task, NodeTask errorTask, String reason, boolean keepAddedRows) {
        ClusterContext context = clusterNodes.context(task);
        if (deleting(context)) {
            return;
        }
        context.cluster().fail(reason, clock.instant());
        SideBySide.forEach(context.added(), node -> {
            try {
                builder.destroy(node);
            } catch (StepFailure e) {
                log.warn("node {} could not be removed after the failure: {}", node.getId(), e.getMessage());
            }
            if (keepAddedRows) {
                node.fail(errorTask == null ? NodeTask.BUILDING_ERROR_SERVER : errorTask, reason, clock.instant());
            } else {
                node.markDeleted(clock.instant());
            }
        });
        context.replaced().filter(old -> !old.isDeleted()).ifPresent(old -> {
            old.finishTask(clock.instant());
            builder.restartDatastore(old, context.correlationId());
        });
    }

    /**
     * A cancelled change leaves the cluster as it was before it: the nodes it was adding go, a node being replaced
     * serves again (started again once the change may have stopped it), and a cluster being created goes altogether.
     */
    void cancel(Task task, boolean creating) {
        ClusterContext context = clusterNodes.context(task);
        if (deleting(context)) {
            return;
        }
        try {
            builder.stopDatastores(context.added().stream().filter(node -> node.getIp() != null).toList(),
                    context.correlationId());
            builder.destroyAll(context.added());
        } catch (StepFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        context.replaced().filter(old -> !old.isDeleted()).ifPresent(old -> {
            old.finishTask(clock.instant());
            if (STOP_REPLACED.equals(task.getStep())) {
                builder.restartDatastore(old, context.correlationId());
            }
        });
        if (creating) {
            context.cluster().markDeleted(clock.instant());
        } else {
            context.cluster().finishTask(clock.instant());
        }
    }

    /** A failed removal or delete leaves the nodes it could not remove in error, with the reason. */
    void failRemoval(Task task, NodeTask errorTask, String reason, List<Node> nodes) {
        clusterNodes.context(task).cluster().fail(reason, clock.instant());
        nodes.stream().filter(node -> !node.isDeleted())
                .forEach(node -> node.fail(errorTask == null ? NodeTask.DELETING_ERROR : errorTask, reason,
                        clock.instant()));
    }

    List<Node> named(Task task) {
        return clusterNodes.named(task);
    }

    List<Node> live(Task task) {
        return clusterNodes.live(task);
    }

    /** A delete takes over a cluster whatever else runs on it; the other task ends at its next step. */
    private static boolean deleting(ClusterContext context) {
        return context.cluster().getTask() == ClusterTask.DELETING;
    }

    private void remove(Node node, String correlationId) throws StepFailure {
        builder.stopDatastore(node, correlationId);
        builder.destroy(node);
        node.markDeleted(clock.instant());
    }
}
