package dev.shoal.taskmanager.compute.kubernetes;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's move to another group, as when a detached replica starts a set of its own: the new group's Services exist
 * first, then the node's objects carry the new group's label (its Pod leaves the old writer Service and joins the
 * new), its NetworkPolicy admits its new peers instead of the old, and the old group's Services go with its last node.
 * Every part is done only where it is not done yet, so a move cut short is finished by the next.
 */
final class GroupMoves {

    private static final Logger log = LoggerFactory.getLogger(GroupMoves.class);

    private final NodeNamespace namespace;
    private final NodeLabels labels;
    private final NodeManifests manifests;

    GroupMoves(NodeNamespace namespace, NodeLabels labels, NodeManifests manifests) {
        this.namespace = namespace;
        this.labels = labels;
        this.manifests = manifests;
    }

    void move(String nodeId, String group) {
        Service nodeService = namespace.client().services().inNamespace(namespace.name())
                .withName(NodeObjects.node(nodeId)).get();
        PersistentVolumeClaim claim = namespace.claim(nodeId).orElse(null);
        if (nodeService == null || claim == null) {
            return;
        }
        Set<String> left = groupsOf(nodeId, nodeService, claim);
        left.remove(group);
        NetworkPolicy policy = namespace.policy(nodeId);
        boolean admitsPeers = policy == null || group.equals(FirewallPolicy.peerGroup(policy).orElse(null));
        if (left.isEmpty() && admitsPeers) {
            return;
        }
        String tenant = NodeObjects.labelOf(nodeService, NodeObjects.TENANT);
        int port = nodeService.getSpec().getPorts().get(0).getPort();
        namespace.createUnlessPresent(manifests.groupService(group, tenant, port));
        namespace.createUnlessPresent(manifests.writerService(group, tenant, port));
        // while the node still counts as one of its old group's, that group's Services go if no other node is left
        for (String old : left) {
            if (namespace.nodesOf(old).stream().allMatch(nodeId::equals)) {
                namespace.deleteGroupServices(old);
            }
        }
        relabelSecretAndService(nodeId, group);
        labels.assignGroup(nodeId, group);
        if (policy != null) {
            FirewallPolicy.firewallOf(policy, NodeManifests.address(nodeId)).ifPresent(firewall ->
                    namespace.apply(FirewallPolicy.of(firewall, policy.getMetadata().getLabels(), group)));
        }
        log.info("node {}: moved from group {} to group {}", nodeId, left, group);
    }

    /** The groups the node's objects say it is in: more than one when a move was cut short. */
    private Set<String> groupsOf(String nodeId, Service nodeService, PersistentVolumeClaim claim) {
        Set<String> groups = new TreeSet<>();
        Stream.of(nodeService, namespace.secret(nodeId), namespace.pod(nodeId), claim)
                .filter(Objects::nonNull)
                .map(object -> NodeObjects.labelOf(object, NodeObjects.CLUSTER))
                .filter(Objects::nonNull)
                .forEach(groups::add);
        return groups;
    }

    private void relabelSecretAndService(String nodeId, String group) {
        Map<String, String> label = Map.of(NodeObjects.CLUSTER, group);
        if (!group.equals(NodeObjects.labelOf(namespace.secret(nodeId), NodeObjects.CLUSTER))) {
            namespace.client().secrets().inNamespace(namespace.name()).withName(NodeObjects.secret(nodeId))
                    .edit(secret -> new SecretBuilder(secret).editMetadata().addToLabels(label).endMetadata().build());
        }
        namespace.client().services().inNamespace(namespace.name()).withName(NodeObjects.node(nodeId))
                .edit(service -> new ServiceBuilder(service).editMetadata().addToLabels(label).endMetadata().build());
    }
}
