package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.EnableRoot;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sets the root password on every node of a cluster, each receiving it sealed for itself: a client may connect to
 * any node with it, whatever the datastore replicates of its accounts.
 */
@Component
class EnableClusterRootWorkflow implements Workflow {

    private final ClusterSteps steps;
    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;

    EnableClusterRootWorkflow(ClusterSteps steps, GuestClient guests, MessageCodec codec,
                              TaskManagerProperties properties) {
        this.steps = steps;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ENABLE_CLUSTER_ROOT;
    }

    @Override
    public List<Step> steps() {
        return List.of(new Step("ENABLE_ROOT", 100, "Setting the root password on every node", this::enableRoot));
    }

    @Override
    public NodeTask timeoutError() {
        return null;
    }

    /** A failed root change leaves the cluster as it was; the failure shows on the task. */
    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
    }

    private StepOutcome enableRoot(Task task) {
        JsonNode sealed = codec.mapper().readTree(task.getParameters()).path("sealed");
        for (Node node : steps.live(task)) {
            JsonNode forNode = sealed.path(node.getId().toString());
            if (forNode.isString()) {
                guests.call(node, MessageTypes.ENABLE_ROOT, new EnableRoot(forNode.asString()),
                        task.getId().toString(), properties.guestCallTimeoutHigh());
            }
        }
        return StepOutcome.DONE;
    }
}
