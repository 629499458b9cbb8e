package dev.shoal.taskmanager.instance;

import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.task.Task;
import org.springframework.stereotype.Component;

/** The instance a task works on, and its node. */
@Component
public class InstanceNodes {

    private final InstanceRepository instances;
    private final NodeRepository nodes;

    InstanceNodes(InstanceRepository instances, NodeRepository nodes) {
        this.instances = instances;
        this.nodes = nodes;
    }

    public Instance instance(Task task) {
        return instances.findById(task.getResourceId())
                .orElseThrow(() -> new IllegalStateException("instance " + task.getResourceId() + " is gone"));
    }

    public Node node(Task task) {
        return nodes.findFirstByInstanceIdOrderByCreatedDesc(task.getResourceId())
                .orElseThrow(() -> new IllegalStateException("instance " + task.getResourceId() + " has no node"));
    }
}
