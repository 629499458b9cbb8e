package dev.shoal.taskmanager.log;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.GuestLog;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.instance.InstanceNodes;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Trove's log calls on an instance's node: the guest lists its logs or acts on one, and what it answers is kept for the
 * api, a published part among the log's parts. Parameters: {@code {"action": "list"}} or
 * {@code {"action": "show|enable|disable|publish|discard", "name": "<log>"}}.
 */
@Component
class GuestLogWorkflow implements Workflow {

    static final String LIST = "list";
    static final String DISCARD = "discard";

    private final InstanceNodes instanceNodes;
    private final GuestClient guests;
    private final PublishedLogs published;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final GuestLogProperties bounds;

    GuestLogWorkflow(InstanceNodes instanceNodes, GuestClient guests, PublishedLogs published, MessageCodec codec,
                     TaskManagerProperties properties, GuestLogProperties bounds) {
        this.instanceNodes = instanceNodes;
        this.guests = guests;
        this.published = published;
        this.codec = codec;
        this.properties = properties;
        this.bounds = bounds;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.GUEST_LOG;
    }

    @Override
    public List<Step> steps() {
        return List.of(new Step("ASK_GUEST", 100, "Asking the node for its log", this::ask));
    }

    @Override
    public NodeTask timeoutError() {
        return null;
    }

    /** Nothing changed on the node that needs taking back; the failure shows on the task. */
    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
    }

    private StepOutcome ask(Task task) {
        Map<?, ?> parameters = codec.mapper().readValue(task.getParameters(), Map.class);
        String action = (String) parameters.get("action");
        String name = (String) parameters.get("name");
        var instance = instanceNodes.instance(task);
        if (LIST.equals(action)) {
            GuestLog.Listing listing = codec.mapper().treeToValue(guests.call(instanceNodes.node(task),
                    MessageTypes.GUEST_LOG_LIST, Map.of(), task.getId().toString(),
                    properties.guestCallTimeoutLow()).result(), GuestLog.Listing.class);
            published.listed(instance, listing);
            return StepOutcome.DONE;
        }
        if (DISCARD.equals(action)) {
            published.discard(instance, name);
            return StepOutcome.DONE;
        }
        long from = GuestLog.Action.PUBLISH.equals(action) ? published.publishedUpTo(instance, name) : 0;
        GuestLog.Acted acted = codec.mapper().treeToValue(guests.call(instanceNodes.node(task),
                MessageTypes.GUEST_LOG_ACTION, new GuestLog.Action(name, action, from, bounds.partBytes()),
                task.getId().toString(), properties.guestCallTimeoutLow()).result(), GuestLog.Acted.class);
        published.acted(instance, acted, GuestLog.Action.PUBLISH.equals(action));
        return StepOutcome.DONE;
    }
}
