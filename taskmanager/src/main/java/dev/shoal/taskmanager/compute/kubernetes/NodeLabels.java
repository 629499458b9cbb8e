package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.contracts.Role;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's role and group as labels: on its Pod, which the group's Services select, and on its claim, which keeps them
 * for a Pod made again. Labels already right are not written again.
 */
final class NodeLabels {

    private static final Logger log = LoggerFactory.getLogger(NodeLabels.class);
    private static final Set<String> ROLE_LABELS = Set.of(NodeObjects.ROLE, NodeObjects.WRITER);
    private static final Set<String> GROUP_LABELS = Set.of(NodeObjects.CLUSTER);

    private final NodeNamespace namespace;

    NodeLabels(NodeNamespace namespace) {
        this.namespace = namespace;
    }

    void assignRole(String nodeId, Role role) {
        if (set(nodeId, NodeObjects.roleLabels(role), ROLE_LABELS)) {
            log.info("node {}: its Pod now has role {}", nodeId, role);
        }
    }

    void assignGroup(String nodeId, String group) {
        if (set(nodeId, Map.of(NodeObjects.CLUSTER, NodeObjects.checked(group)), GROUP_LABELS)) {
            log.info("node {}: its Pod is now in group {}", nodeId, group);
        }
    }

    /** The labels from the claim a Pod made again takes, which may have changed since its template was kept. */
    static Map<String, String> kept(Map<String, String> podLabels, Map<String, String> claimLabels) {
        Set<String> keys = new HashSet<>(ROLE_LABELS);
        keys.addAll(GROUP_LABELS);
        Map<String, String> labels = new HashMap<>(podLabels);
        labels.keySet().removeAll(keys);
        claimLabels.forEach((key, value) -> {
            if (keys.contains(key)) {
                labels.put(key, value);
            }
        });
        return labels;
    }

    /** @return whether the Pod's labels changed */
    private boolean set(String nodeId, Map<String, String> wanted, Set<String> replaced) {
        if (namespace.claim(nodeId).filter(claim -> !relabelled(claim, wanted, replaced)
                .equals(claim.getMetadata().getLabels())).isPresent()) {
            namespace.client().persistentVolumeClaims().inNamespace(namespace.name())
                    .withName(NodeObjects.claim(nodeId)).edit(claim -> new PersistentVolumeClaimBuilder(claim)
                            .editMetadata().withLabels(relabelled(claim, wanted, replaced)).endMetadata().build());
        }
        Pod pod = namespace.pod(nodeId);
        if (pod == null || relabelled(pod, wanted, replaced).equals(pod.getMetadata().getLabels())) {
            return false;
        }
        namespace.client().pods().inNamespace(namespace.name()).withName(NodeObjects.node(nodeId)).edit(current ->
                new PodBuilder(current).editMetadata().withLabels(relabelled(current, wanted, replaced)).endMetadata()
                        .build());
        return true;
    }

    private static Map<String, String> relabelled(HasMetadata object, Map<String, String> wanted,
                                                  Set<String> replaced) {
        Map<String, String> labels = new HashMap<>(object.getMetadata().getLabels() == null ? Map.of()
                : object.getMetadata().getLabels());
        labels.keySet().removeAll(replaced);
        labels.putAll(wanted);
        return labels;
    }
}
