package dev.shoal.api.instance;

import dev.shoal.api.system.ApiException;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trove's {@code reset_status} and management {@code reset-task-status}: an operator clears the task an instance is
 * stuck in (an error task, or one whose workflow is gone), and its status is again what its node reports. Never while
 * a workflow still holds the instance: clearing its task under it would let a second change start beside it. A delete
 * is not undone: the node may already be gone.
 */
@Component
class StatusReset {

    private static final Logger log = LoggerFactory.getLogger(StatusReset.class);

    private final InstanceLookup lookup;
    private final TaskRepository tasks;
    private final Clock clock;

    StatusReset(InstanceLookup lookup, TaskRepository tasks, Clock clock) {
        this.lookup = lookup;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional
    void reset(String tenantId, UUID id) {
        Instance instance = lookup.find(tenantId, id);
        Node node = lookup.node(instance);
        if (node.getTask() == NodeTask.NONE) {
            return;
        }
        if (node.getTask() == NodeTask.DELETING) {
            throw ApiException.conflict("instance " + id + " is being deleted; a delete is not reset");
        }
        if (tasks.existsOpenTaskOn(id)) {
            throw ApiException.conflict("instance " + id + " is " + node.getTask() + " and a task is still working"
                    + " on it; reset its status once that task has ended (see its operation)");
        }
        log.info("operator reset instance {} from task {} ({})", id, node.getTask(), node.getTaskDescription());
        node.finishTask(clock.instant());
        instance.touch(clock.instant());
    }
}
