package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.contracts.Role;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's role as labels: on its Pod, which the writer Service selects, and on its claim, which keeps it for a Pod
 * made again. Labels already right are not written again.
 */
final class RoleLabels {

    private static final Logger log = LoggerFactory.getLogger(RoleLabels.class);

    private final NodeNamespace namespace;

    RoleLabels(NodeNamespace namespace) {
        this.namespace = namespace;
    }

    void assign(String nodeId, Role role) {
        Map<String, String> wanted = NodeObjects.roleLabels(role);
        if (namespace.claim(nodeId).filter(claim -> !relabelled(claim, wanted).equals(claim.getMetadata().getLabels()))
                .isPresent()) {
            namespace.client().persistentVolumeClaims().inNamespace(namespace.name())
                    .withName(NodeObjects.claim(nodeId)).edit(claim -> new PersistentVolumeClaimBuilder(claim)
                            .editMetadata().withLabels(relabelled(claim, wanted)).endMetadata().build());
        }
        Pod pod = namespace.pod(nodeId);
        if (pod != null && !relabelled(pod, wanted).equals(pod.getMetadata().getLabels())) {
            namespace.client().pods().inNamespace(namespace.name()).withName(NodeObjects.node(nodeId)).edit(current ->
                    new PodBuilder(current).editMetadata().withLabels(relabelled(current, wanted)).endMetadata()
                            .build());
            log.info("node {}: its Pod now has role {}", nodeId, role);
        }
    }

    private static Map<String, String> relabelled(HasMetadata object, Map<String, String> roleLabels) {
        Map<String, String> labels = new HashMap<>(object.getMetadata().getLabels() == null ? Map.of()
                : object.getMetadata().getLabels());
        labels.remove(NodeObjects.ROLE);
        labels.remove(NodeObjects.WRITER);
        labels.putAll(roleLabels);
        return labels;
    }
}
