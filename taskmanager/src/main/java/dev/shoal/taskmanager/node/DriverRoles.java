package dev.shoal.taskmanager.node;

import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The roles a task recorded, each with its node's group, told to the compute driver before the task reports them done:
 * where the driver routes clients by role (Kubernetes' writer Service), they reach the node that takes writes by the
 * time the user is told it does. A driver that cannot take them yet makes the step wait and ask again; assigning a role twice changes nothing.
 */
@Component
public class DriverRoles {

    private static final Logger log = LoggerFactory.getLogger(DriverRoles.class);

    private final ComputeDriver compute;
    private final NodeGroups groups;

    public DriverRoles(ComputeDriver compute, NodeGroups groups) {
        this.compute = compute;
        this.groups = groups;
    }

    /** @return whether the driver took every live node's role; false: the step is to wait */
    public boolean told(Task task, Collection<Node> nodes) {
        try {
            for (Node node : nodes) {
                if (!node.isDeleted()) {
                    String group = groups.of(node);
                    if (group != null) {
                        // first the group, so that a role that routes writes is taken among the node's new peers
                        compute.assignGroup(node.getId().toString(), group);
                    }
                    compute.assignRole(node.getId().toString(), node.getRole());
                }
            }
            return true;
        } catch (ComputeException e) {
            log.warn("task {}: the compute driver has not taken the new roles yet: {}", task.getId(), e.getMessage());
            return false;
        }
    }
}
