package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster changes as flat lists of named steps. A failed build, growth or replacement removes what it added
 * and shows why on the cluster; a failed removal leaves the node in error with the reason.
 */
@Configuration(proxyBeanMethods = false)
class ClusterWorkflows {

    private static final String MEMBERSHIP = "Waiting for the datastore to report every member";

    @Bean
    Workflow createCluster(ClusterSteps steps) {
        return new StepListWorkflow(TaskKind.CREATE_CLUSTER, NodeTask.BUILDING_ERROR_TIMEOUT_GA,
                (task, error, reason) -> steps.undo(task, error, reason, true),
                new Step("ALLOCATE", 5, "Allocating addresses and node secrets", steps::allocate),
                new Step("SPAWN", 15, "Starting the guest agents", steps::spawn),
                new Step("PREPARE", 70, "Starting the datastore on every node", steps::start),
                new Step("JOIN", 80, "Forming the cluster", steps::join),
                new Step("AWAIT_MEMBERSHIP", 95, MEMBERSHIP, steps::awaitMembership),
                new Step("COMPLETE", 100, "Cluster built", steps::complete))
                .cancellableBefore(null, task -> steps.cancel(task, true));
    }

    /** New nodes start as the datastore wants (Cassandra bootstraps them one at a time) and join. */
    @Bean
    Workflow growCluster(ClusterSteps steps) {
        return new StepListWorkflow(TaskKind.GROW_CLUSTER, NodeTask.GROWING_ERROR,
                (task, error, reason) -> steps.undo(task, error, reason, false),
                new Step("ALLOCATE", 5, "Allocating addresses and node secrets", steps::allocate),
                new Step("SPAWN", 15, "Starting the guest agents", steps::spawn),
                new Step("PREPARE", 70, "Starting the datastore on the new nodes", steps::start),
                new Step("JOIN", 80, "Adding the new nodes to the cluster", steps::join),
                new Step("AWAIT_MEMBERSHIP", 95, MEMBERSHIP, steps::awaitMembership),
                new Step("COMPLETE", 100, "Nodes added", steps::complete))
                // a started node has joined the datastore's membership (a Cassandra node bootstraps as it starts)
                .cancellableBefore("PREPARE", task -> steps.cancel(task, false));
    }

    /** A new node takes an old one's place and data; then the old one goes. */
    @Bean
    Workflow replaceClusterNode(ClusterSteps steps) {
        return new StepListWorkflow(TaskKind.REPLACE_CLUSTER_NODE, NodeTask.GROWING_ERROR,
                (task, error, reason) -> steps.undo(task, error, reason, false),
                new Step("ALLOCATE", 5, "Allocating an address and a node secret", steps::allocate),
                new Step("SPAWN", 15, "Starting the guest agent", steps::spawn),
                new Step(ClusterSteps.STOP_REPLACED, 20, "Stopping the node being replaced", steps::stopReplaced),
                new Step("PREPARE", 65, "Starting the replacement", steps::start),
                new Step("JOIN", 75, "Adding the replacement to the cluster", steps::join),
                new Step("RETIRE_REPLACED", 80, "Taking the old node out of the cluster", steps::retireReplaced),
                new Step("DESTROY_REPLACED", 85, "Removing the old node", steps::destroyReplaced),
                new Step("AWAIT_MEMBERSHIP", 95, MEMBERSHIP, steps::awaitMembership),
                new Step("COMPLETE", 100, "Node replaced", steps::complete))
                // the replacement takes the old node's place in the membership as it starts
                .cancellableBefore("PREPARE", task -> steps.cancel(task, false));
    }

    /** A removed node leaves the datastore's membership first (Cassandra streams its data away), then goes. */
    @Bean
    Workflow shrinkCluster(ClusterSteps steps) {
        return new StepListWorkflow(TaskKind.SHRINK_CLUSTER, NodeTask.SHRINKING_ERROR,
                (task, error, reason) -> steps.failRemoval(task, error, reason, steps.named(task)),
                new Step("LEAVE", 60, "Handing the node's data over and leaving the cluster", steps::leave),
                new Step("REMOVE", 80, "Removing the node", steps::removeNamed),
                new Step("AWAIT_MEMBERSHIP", 95, "Waiting for the datastore to report the remaining members",
                        steps::awaitMembership),
                new Step("COMPLETE", 100, "Node removed", steps::complete));
    }

    /** Every node, process and data directory goes once a running change has stepped aside. */
    @Bean
    Workflow deleteCluster(ClusterSteps steps, TaskRepository tasks) {
        return new StepListWorkflow(TaskKind.DELETE_CLUSTER, NodeTask.DELETING_ERROR,
                (task, error, reason) -> steps.failRemoval(task, error, reason, steps.live(task)),
                new Step("AWAIT_OTHER_TASKS", 10, "Waiting for the running change to step aside",
                        task -> tasks.existsOpenTaskOtherThan(task.getResourceId(), task.getId())
                                ? StepOutcome.WAIT : StepOutcome.DONE),
                new Step("REMOVE_ALL", 100, "Removing every node", steps::removeAll));
    }
}
