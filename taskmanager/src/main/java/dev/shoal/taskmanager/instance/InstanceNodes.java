package dev.shoal.taskmanager.instance;

import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.catalog.Flavor;
import dev.shoal.domain.catalog.FlavorRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.compute.NodeSpec;
import org.springframework.stereotype.Component;

/** The instance a task works on, its node, and what the compute driver needs to build it. */
@Component
class InstanceNodes {

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final DatastoreVersionRepository versions;
    private final FlavorRepository flavors;

    InstanceNodes(InstanceRepository instances, NodeRepository nodes, DatastoreVersionRepository versions,
                  FlavorRepository flavors) {
        this.instances = instances;
        this.nodes = nodes;
        this.versions = versions;
        this.flavors = flavors;
    }

    Instance instance(Task task) {
        return instances.findById(task.getResourceId())
                .orElseThrow(() -> new IllegalStateException("instance " + task.getResourceId() + " is gone"));
    }

    Node node(Task task) {
        return nodes.findFirstByInstanceIdOrderByCreatedDesc(task.getResourceId())
                .orElseThrow(() -> new IllegalStateException("instance " + task.getResourceId() + " has no node"));
    }

    DatastoreVersion version(Node node) {
        return versions.findById(node.getDatastoreVersionId()).orElseThrow();
    }

    Flavor flavor(Node node) {
        return flavors.findById(node.getFlavorId()).orElseThrow();
    }

    NodeSpec spec(Node node) {
        DatastoreVersion version = version(node);
        return new NodeSpec(node.getId().toString(), node.getTenantId(), version.getDatastore().getManager(),
                version.getName(), flavor(node).getRamMb(), node.getVolumeSize(), node.getIp(),
                node.secret().orElseThrow());
    }
}
