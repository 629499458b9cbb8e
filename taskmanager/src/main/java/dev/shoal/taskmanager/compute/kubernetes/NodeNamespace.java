package dev.shoal.taskmanager.compute.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.List;
import java.util.Optional;

/** The namespace nodes run in: each node's objects by name, the nodes by label, and the two ways objects are written. */
final class NodeNamespace {

    private final KubernetesClient client;
    private final String name;

    NodeNamespace(KubernetesClient client, String name) {
        this.client = client;
        this.name = name;
    }

    KubernetesClient client() {
        return client;
    }

    String name() {
        return name;
    }

    Pod pod(String nodeId) {
        return client.pods().inNamespace(name).withName(NodeObjects.node(nodeId)).get();
    }

    Optional<PersistentVolumeClaim> claim(String nodeId) {
        return Optional.ofNullable(client.persistentVolumeClaims().inNamespace(name)
                .withName(NodeObjects.claim(nodeId)).get());
    }

    Secret secret(String nodeId) {
        return client.secrets().inNamespace(name).withName(NodeObjects.secret(nodeId)).get();
    }

    NetworkPolicy policy(String nodeId) {
        return client.network().v1().networkPolicies().inNamespace(name).withName(NodeObjects.node(nodeId)).get();
    }

    /** Every node made here, found by the label on its claim; a claim being deleted is a node that is going. */
    List<String> nodes() {
        return nodesLabelled(NodeObjects.COMPONENT, NodeObjects.NODE_COMPONENT);
    }

    List<String> nodesOf(String group) {
        return nodesLabelled(NodeObjects.CLUSTER, group);
    }

    private List<String> nodesLabelled(String label, String value) {
        return client.persistentVolumeClaims().inNamespace(name)
                .withLabel(NodeObjects.MANAGED_BY, NodeObjects.SHOAL)
                .withLabel(label, value)
                .list().getItems().stream()
                .filter(claim -> claim.getMetadata().getDeletionTimestamp() == null)
                .map(claim -> claim.getMetadata().getLabels().get(NodeObjects.NODE))
                .sorted()
                .toList();
    }

    /** A group's headless and writer Services, once it has no node left. */
    void deleteGroupServices(String group) {
        client.services().inNamespace(name).withName(NodeObjects.group(group)).delete();
        client.services().inNamespace(name).withName(NodeObjects.writer(group)).delete();
    }

    /** Written whole, whatever was there: what the driver alone decides (a Secret, a NetworkPolicy). */
    <T extends HasMetadata> void apply(T object) {
        client.resource(object).inNamespace(name).unlock().createOr(NonDeletingOperation::update);
    }

    /** Made once: a claim's size and a Pod's labels are changed by their own calls, never replaced whole. */
    <T extends HasMetadata> void createUnlessPresent(T object) {
        if (client.resource(object).inNamespace(name).get() == null) {
            try {
                client.resource(object).inNamespace(name).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
    }
}
