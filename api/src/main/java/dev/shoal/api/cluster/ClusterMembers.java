package dev.shoal.api.cluster;

import dev.shoal.api.configuration.NodeConfigurationGroups;
import dev.shoal.api.secgroup.SecurityGroups;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cluster's new nodes, each with its configuration group and its security group, and how a task names them.
 */
@Component
class ClusterMembers {

    private final NodeRepository nodes;
    private final ClusterLookup lookup;
    private final NodeConfigurationGroups nodeGroups;
    private final SecurityGroups securityGroups;
    private final JsonMapper json;
    private final Clock clock;

    ClusterMembers(NodeRepository nodes, ClusterLookup lookup, NodeConfigurationGroups nodeGroups,
                   SecurityGroups securityGroups, JsonMapper json, Clock clock) {
        this.nodes = nodes;
        this.lookup = lookup;
        this.nodeGroups = nodeGroups;
        this.securityGroups = securityGroups;
        this.json = json;
        this.clock = clock;
    }

    List<Node> add(Cluster cluster, List<ClusterRequests.Allocation> allocations, long existing) {
        List<Node> added = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            ClusterRequests.Allocation allocation = allocations.get(i);
            Node node = nodes.save(Node.forCluster(cluster.getId(), cluster.getTenantId(),
                    cluster.getName() + "-" + (existing + i + 1), allocation.type(), allocation.region(),
                    cluster.getDatastoreVersionId(), cluster.getFlavorId(), cluster.getVolumeSize(),
                    cluster.getConfigurationId(), clock.instant()));
            if (DatastoreDescriptor.ARBITER.equals(allocation.type())) {
                // the others take their part as the cluster forms
                node.takeRole(Role.ARBITER, clock.instant());
            }
            nodeGroups.create(node, cluster.getName(), lookup.manager(cluster));
            // a cluster's node is an instance to Trove's clients: its group is named after the node's own id
            securityGroups.open(node, node.getId(), lookup.manager(cluster), null);
            added.add(node);
        }
        return added;
    }

    String ids(List<Node> added) {
        return json.writeValueAsString(Map.of("nodes", added.stream().map(Node::getId).toList()));
    }
}
