package dev.shoal.taskmanager.node;

import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The group a compute driver names and addresses a node with: its cluster, or the replication set of its instance, so
 * that a set's replicas sit beside its master and its writer address follows whichever of them is master.
 */
@Component
public class NodeGroups {

    private final InstanceRepository instances;

    NodeGroups(InstanceRepository instances) {
        this.instances = instances;
    }

    /** @return the group's id, or null for a node of neither a cluster nor an instance */
    public String of(Node node) {
        if (node.getClusterId() != null) {
            return node.getClusterId().toString();
        }
        if (node.getInstanceId() == null) {
            return null;
        }
        UUID set = instances.findById(node.getInstanceId()).map(instance -> instance.replicationSet())
                .orElse(node.getInstanceId());
        return set.toString();
    }
}
