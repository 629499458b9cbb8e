package dev.shoal.taskmanager.secgroup;

import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.secgroup.Enforcement;
import dev.shoal.domain.secgroup.SecurityGroup;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.ServerStatus;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code UPDATE_ACCESS}: brings an instance's node firewall to its security group as the group stands when the
 * task runs (not as it stood when the task was asked for), so tasks that overtake each other still end right. A
 * failure leaves the group {@code FAILED} with the reason, and the task shows it on the instance.
 */
@Configuration(proxyBeanMethods = false)
class SecurityGroupWorkflows {

    private final NodeRepository nodes;
    private final SecurityGroupEnforcer enforcer;
    private final ComputeDriver compute;
    private final Clock clock;

    SecurityGroupWorkflows(NodeRepository nodes, SecurityGroupEnforcer enforcer, ComputeDriver compute,
                           Clock clock) {
        this.nodes = nodes;
        this.enforcer = enforcer;
        this.compute = compute;
        this.clock = clock;
    }

    @Bean
    Workflow updateAccess() {
        return new StepListWorkflow(TaskKind.UPDATE_ACCESS, null,
                (task, errorTask, reason) -> node(task).ifPresent(node -> enforcer.failed(node, reason)),
                new Step("APPLY_ACCESS", 100, "Applying the security group to the node's firewall", this::apply));
    }

    /**
     * A node being deleted makes the change moot; one still waiting for its address is waited for. A node the
     * driver does not hold (a build that has not started it, or one that failed) gets the rules when it is
     * started, as every node does.
     */
    private StepOutcome apply(Task task) throws StepFailure {
        Optional<Node> found = node(task);
        if (found.isEmpty() || found.get().isDeleted() || found.get().getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        Node node = found.get();
        if (node.getIp() == null) {
            return StepOutcome.WAIT;
        }
        Optional<SecurityGroup> group = enforcer.lock(node);
        if (group.isEmpty()) {
            return StepOutcome.DONE;
        }
        if (compute.status(node.getId().toString()) == ServerStatus.UNKNOWN) {
            group.get().enforcement(Enforcement.PENDING,
                    "the node runs nowhere yet; its firewall is applied when it is started", clock.instant());
            return StepOutcome.DONE;
        }
        try {
            enforcer.enforce(node);
        } catch (ComputeException e) {
            throw new StepFailure(null, "the security group could not be applied: " + e.getMessage());
        }
        return StepOutcome.DONE;
    }

    private Optional<Node> node(Task task) {
        return nodes.findFirstByInstanceIdOrderByCreatedDesc(task.getResourceId());
    }
}
