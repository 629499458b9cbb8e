package dev.shoal.taskmanager.instance;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.StopDb;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trove's management {@code stop}: the guest stops the datastore on purpose (its supervisor does not take that for a
 * crash) and reports {@code SHUTDOWN} from then on; a restart starts it again. The node keeps its place and volume.
 */
@Configuration(proxyBeanMethods = false)
class InstanceStop {

    private final InstanceNodes instanceNodes;
    private final GuestClient guests;
    private final TaskManagerProperties properties;
    private final Clock clock;

    InstanceStop(InstanceNodes instanceNodes, GuestClient guests, TaskManagerProperties properties, Clock clock) {
        this.instanceNodes = instanceNodes;
        this.guests = guests;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    Workflow stopInstance() {
        return new StepListWorkflow(TaskKind.STOP_INSTANCE, null, this::failed,
                new Step("STOP_DB", 100, "Stopping the datastore", this::stop));
    }

    private StepOutcome stop(Task task) {
        Node node = instanceNodes.node(task);
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        guests.call(node, MessageTypes.STOP_DB, new StopDb(), task.getId().toString(),
                properties.guestCallTimeoutLow());
        if (node.getTask() == NodeTask.STOPPING) {
            node.finishTask(clock.instant());
        }
        instanceNodes.instance(task).touch(clock.instant());
        return StepOutcome.DONE;
    }

    /** Whether or not the datastore stopped, the node shows again what its guest reports. */
    private void failed(Task task, NodeTask errorTask, String reason) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.STOPPING) {
            node.finishTask(clock.instant());
        }
    }
}
