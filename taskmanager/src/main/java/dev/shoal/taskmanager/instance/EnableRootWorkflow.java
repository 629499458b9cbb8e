package dev.shoal.taskmanager.instance;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.EnableRoot;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hands the guest the root password the API generated, sealed for that node, as the API sealed it. */
@Component
class EnableRootWorkflow implements Workflow {

    private final InstanceNodes instanceNodes;
    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;

    EnableRootWorkflow(InstanceNodes instanceNodes, GuestClient guests, MessageCodec codec,
                       TaskManagerProperties properties) {
        this.instanceNodes = instanceNodes;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ENABLE_ROOT;
    }

    @Override
    public List<Step> steps() {
        return List.of(new Step("ENABLE_ROOT", 100, "Setting the root password", this::enableRoot));
    }

    @Override
    public NodeTask timeoutError() {
        return null;
    }

    /** A failed root change leaves the instance as it was; the failure shows on the task. */
    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
    }

    private StepOutcome enableRoot(Task task) {
        String sealed = codec.mapper().readTree(task.getParameters()).path("sealedPassword").asString();
        guests.call(instanceNodes.node(task), MessageTypes.ENABLE_ROOT, new EnableRoot(sealed),
                task.getId().toString(), properties.guestCallTimeoutLow());
        return StepOutcome.DONE;
    }
}
