package dev.shoal.taskmanager.node;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.EnableRoot;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Hands each node of an instance or a cluster the root password the API generated, sealed for that node as the API
 * sealed it ({@code {"sealed": {nodeId: sealedPassword}}}): a client may then connect to any node with it.
 */
@Component
class EnableRootWorkflow implements Workflow {

    private final NodeRepository nodes;
    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;

    EnableRootWorkflow(NodeRepository nodes, GuestClient guests, MessageCodec codec, TaskManagerProperties properties) {
        this.nodes = nodes;
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

    /** A failed root change leaves the nodes as they were; the failure shows on the task. */
    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
    }

    private StepOutcome enableRoot(Task task) {
        JsonNode sealed = codec.mapper().readTree(task.getParameters()).path("sealed");
        for (Map.Entry<String, JsonNode> entry : sealed.properties()) {
            nodes.findById(UUID.fromString(entry.getKey())).filter(node -> !node.isDeleted()).ifPresent(node ->
                    guests.call(node, MessageTypes.ENABLE_ROOT, new EnableRoot(entry.getValue().asString()),
                            task.getId().toString(), properties.guestCallTimeoutLow()));
        }
        return StepOutcome.DONE;
    }
}
