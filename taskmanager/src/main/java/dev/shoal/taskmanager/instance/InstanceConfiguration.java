package dev.shoal.taskmanager.instance;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.task.ConfigurationApplyParameters;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.NodeConfiguration;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Brings an instance's datastore to its configuration group's values (none once detached), and restarts it for
 * what only a restart applies; the node shows {@code RESTART_REQUIRED} until then.
 */
@Configuration(proxyBeanMethods = false)
class InstanceConfiguration {

    private final InstanceNodes instanceNodes;
    private final NodeConfiguration configuration;
    private final GuestClient guests;
    private final TaskManagerProperties properties;
    private final MessageCodec codec;
    private final Clock clock;

    InstanceConfiguration(InstanceNodes instanceNodes, NodeConfiguration configuration, GuestClient guests,
                          TaskManagerProperties properties, MessageCodec codec, Clock clock) {
        this.codec = codec;
        this.instanceNodes = instanceNodes;
        this.configuration = configuration;
        this.guests = guests;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    Workflow applyConfiguration() {
        return new StepListWorkflow(TaskKind.APPLY_CONFIGURATION, null, this::failed,
                new Step("APPLY", 100, "Applying the configuration group", this::apply))
                .cancellableBefore(null, this::cancelled);
    }

    @Bean
    Workflow restartInstance() {
        return new StepListWorkflow(TaskKind.RESTART_INSTANCE, null, this::failed,
                new Step("RESTART", 70, "Restarting the datastore", this::restart),
                new Step("APPLY", 100, "Reading the configuration back", this::apply));
    }

    private StepOutcome restart(Task task) {
        Node node = instanceNodes.node(task);
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        guests.call(node, MessageTypes.RESTART, Map.of(), task.getId().toString(), properties.guestCallTimeoutHigh());
        return StepOutcome.DONE;
    }

    private StepOutcome apply(Task task) {
        Node node = instanceNodes.node(task);
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        if (node.getTask() == NodeTask.BUILDING) {
            return StepOutcome.WAIT;
        }
        Instance instance = instanceNodes.instance(task);
        configuration.apply(node, instance.getConfigurationId(), task.getId().toString());
        instance.touch(clock.instant());
        return StepOutcome.DONE;
    }

    /**
     * A cancelled apply leaves the instance as it was before: the group it had, and the values its node ran with, given
     * to the node again (whether or not the apply reached it). An apply from before these were kept restores nothing.
     */
    private void cancelled(Task task) {
        Node node = instanceNodes.node(task);
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING || task.getParameters() == null) {
            return;
        }
        ConfigurationApplyParameters before = codec.mapper().readValue(task.getParameters(),
                ConfigurationApplyParameters.class);
        instanceNodes.instance(task).configuration(before.previousConfigurationId(), clock.instant());
        configuration.applyValues(node, before.previousValues(), task.getId().toString());
    }

    /** The datastore keeps running as it was; a restart that failed leaves the restart still to do. */
    private void failed(Task task, NodeTask errorTask, String reason) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.REBOOTING) {
            node.startTask(NodeTask.RESTART_REQUIRED, "The restart failed: " + reason, clock.instant());
        }
    }
}
