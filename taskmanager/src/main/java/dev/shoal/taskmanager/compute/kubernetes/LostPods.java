package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.taskmanager.compute.ServerStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pods the kubelet does not bring back: a Pod that is gone (fenced, evicted, deleted by hand) is made again from
 * the template kept on its node's claim, and Pods that do not run are described for an operator.
 */
final class LostPods {

    private static final Logger log = LoggerFactory.getLogger(LostPods.class);
    /** On a node's claim: the Pod to make again, as the driver first made it. */
    static final String POD_TEMPLATE = "shoal.dev/pod-template";

    private final NodeNamespace namespace;

    LostPods(NodeNamespace namespace) {
        this.namespace = namespace;
    }

    /** @return the nodes whose Pod was made again */
    List<String> restart() {
        List<String> restarted = new ArrayList<>();
        for (String nodeId : namespace.nodes()) {
            try {
                if (namespace.pod(nodeId) != null) {
                    continue;
                }
                Optional<PersistentVolumeClaim> claim = namespace.claim(nodeId)
                        .filter(found -> found.getMetadata().getDeletionTimestamp() == null);
                String template = claim.map(found -> found.getMetadata().getAnnotations())
                        .map(annotations -> annotations.get(POD_TEMPLATE)).orElse(null);
                if (template == null) {
                    continue;
                }
                Pod pod = namespace.client().getKubernetesSerialization().unmarshal(template, Pod.class);
                namespace.createUnlessPresent(asClaimSays(pod, claim.get()));
                restarted.add(nodeId);
                log.warn("node {}: its Pod was gone; made it again", nodeId);
            } catch (KubernetesClientException e) {
                log.error("node {}: could not make its Pod again: {}", nodeId, e.getMessage());
            }
        }
        return restarted;
    }

    /** What the Pods of nodes that do not run say, found by label in one call. */
    Map<String, String> unwell() {
        Map<String, String> unwell = new TreeMap<>();
        namespace.client().pods().inNamespace(namespace.name()).withLabel(NodeObjects.MANAGED_BY, NodeObjects.SHOAL)
                .withLabel(NodeObjects.COMPONENT, NodeObjects.NODE_COMPONENT).list().getItems().stream()
                .filter(pod -> PodState.of(pod, true) != ServerStatus.ACTIVE)
                .forEach(pod -> unwell.put(pod.getMetadata().getLabels().get(NodeObjects.NODE),
                        PodState.describe(pod)));
        return unwell;
    }

    /**
     * The Pod with the role and group its claim holds now, which may have changed since the template was kept: a Pod's
     * subdomain is fixed once it runs, so only one made again takes its new group's.
     */
    static Pod asClaimSays(Pod pod, PersistentVolumeClaim claim) {
        Map<String, String> labels = NodeLabels.kept(pod.getMetadata().getLabels(), claim.getMetadata().getLabels());
        String group = labels.get(NodeObjects.CLUSTER);
        return new PodBuilder(pod).editMetadata().withLabels(labels).endMetadata()
                .editSpec().withSubdomain(group == null ? null : NodeObjects.group(group)).endSpec()
                .build();
    }
}
