package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.datastore.control.ClusterFailure;
import dev.shoal.datastore.control.ClusterStrategy;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.taskmanager.task.StepFailure;
import java.time.Clock;
import java.util.List;

/**
 * A datastore's cluster strategy as the cluster steps call it: on a step's {@link ClusterContext} and node rows, its
 * failures as the step's, with the error the nodes are left in.
 */
final class ClusterStrategyAdapter {

    private final ClusterStrategy strategy;
    private final ClusterNodes clusterNodes;
    private final Clock clock;

    ClusterStrategyAdapter(ClusterStrategy strategy, ClusterNodes clusterNodes, Clock clock) {
        this.strategy = strategy;
        this.clusterNodes = clusterNodes;
        this.clock = clock;
    }

    /** A new node row and the place in the cluster it starts with. */
    record Start(Node node, ClusterMember member) {
    }

    List<Start> startPlan(ClusterContext context) {
        return strategy.startPlan(change(context)).stream()
                .map(start -> new Start(TaskClusterNode.entity(start.node()), start.member())).toList();
    }

    boolean startsOneAtATime() {
        return strategy.startsOneAtATime();
    }

    boolean settled(ClusterContext context, List<Node> running) throws StepFailure {
        TaskClusterChange change = change(context);
        try {
            return strategy.settled(change, running.stream().map(change::node).toList());
        } catch (ClusterFailure e) {
            throw stepFailure(e);
        }
    }

    void join(ClusterContext context) throws StepFailure {
        try {
            strategy.join(change(context));
        } catch (ClusterFailure e) {
            throw stepFailure(e);
        }
    }

    boolean formed(ClusterContext context) throws StepFailure {
        try {
            return strategy.formed(change(context));
        } catch (ClusterFailure e) {
            throw stepFailure(e);
        }
    }

    void leave(ClusterContext context, Node leaving) throws StepFailure {
        TaskClusterChange change = change(context);
        try {
            strategy.leave(change, change.node(leaving));
        } catch (ClusterFailure e) {
            throw stepFailure(e);
        }
    }

    void beforeReplacing(ClusterContext context, Node old) {
        TaskClusterChange change = change(context);
        strategy.beforeReplacing(change, change.node(old));
    }

    void retireReplaced(ClusterContext context, Node old) throws StepFailure {
        TaskClusterChange change = change(context);
        try {
            strategy.retireReplaced(change, change.node(old));
        } catch (ClusterFailure e) {
            throw stepFailure(e);
        }
    }

    private TaskClusterChange change(ClusterContext context) {
        return new TaskClusterChange(context, clusterNodes, clock);
    }

    /** A membership that cannot be made fails the growth; a replica that stopped on an error, its build. */
    static StepFailure stepFailure(ClusterFailure failure) {
        NodeTask error = switch (failure.kind()) {
            case MEMBERSHIP -> NodeTask.GROWING_ERROR;
            case REPLICA -> NodeTask.BUILDING_ERROR_REPLICA;
        };
        StepFailure stepFailure = new StepFailure(error, failure.getMessage());
        stepFailure.initCause(failure);
        return stepFailure;
    }
}
