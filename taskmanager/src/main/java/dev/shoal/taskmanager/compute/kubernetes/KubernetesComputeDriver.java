package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.FirewallReport;
import dev.shoal.taskmanager.compute.GuestProperties;
import dev.shoal.taskmanager.compute.NodeFirewall;
import dev.shoal.taskmanager.compute.NodePlacement;
import dev.shoal.taskmanager.compute.NodeSpec;
import dev.shoal.taskmanager.compute.ServerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each node as a Pod of its datastore's node image in one namespace, beside its volume claim, its Secret (the
 * guest's files), its headless Service (its address) and its NetworkPolicy (its security group), all named after the
 * node and labelled with it, so that a restarted task manager finds them again. A node's group (its cluster) has a
 * headless Service for its members and a writer Service that follows the master's label.
 *
 * <p>The Pod's template is kept on its claim: {@link #stop} deletes the Pod at once (a fence) and keeps everything
 * else, and {@link #restartLostPods} makes a Pod again for every node that has none (fenced, evicted, deleted by
 * hand), its guest then starting its server refusing writes, as the local driver's keeper does. A failed container is
 * restarted by the kubelet itself.
 */
public class KubernetesComputeDriver implements ComputeDriver {

    private static final Logger log = LoggerFactory.getLogger(KubernetesComputeDriver.class);
    static final String POD_TEMPLATE = "shoal.dev/pod-template";

    private final KubernetesClient client;
    private final String namespace;
    private final KubernetesComputeProperties properties;
    private final NodeManifests manifests;
    private final ToIntFunction<String> clientPorts;
    private final String brokerUri;

    /**
     * @param brokerUri   the broker as the nodes reach it, with the control plane's credentials
     * @param clientPorts the client port of each datastore, by its manager's name
     */
    public KubernetesComputeDriver(KubernetesClient client, KubernetesComputeProperties properties, String brokerUri,
                                   ToIntFunction<String> clientPorts) {
        this.client = client;
        this.namespace = properties.namespace() != null ? properties.namespace() : client.getNamespace();
        this.properties = properties;
        this.manifests = new NodeManifests(properties, brokerUri);
        this.clientPorts = clientPorts;
        this.brokerUri = brokerUri;
    }

    /** Every object is made unless it is there; the Pod last, once all it mounts exists. */
    @Override
    public NodePlacement provision(NodeSpec spec) throws ComputeException {
        String name = NodeObjects.node(spec.nodeId());
        try {
            int port = clientPorts.applyAsInt(spec.datastore());
            Pod pod = manifests.pod(spec, port);
            apply(manifests.secret(spec));
            PersistentVolumeClaim claim = manifests.claim(spec);
            claim.getMetadata().getAnnotations().put(POD_TEMPLATE, client.getKubernetesSerialization().asJson(pod));
            claim.getMetadata().getLabels().putAll(NodeObjects.roleLabels(spec.role()));
            createUnlessPresent(claim);
            // a Service is never replaced: an API server refuses a replacement that leaves out its cluster IP
            createUnlessPresent(manifests.nodeService(spec, port));
            if (spec.group() != null) {
                createUnlessPresent(manifests.groupService(spec, port));
                createUnlessPresent(manifests.writerService(spec, port));
                admitPeers(spec.nodeId(), spec.group());
            }
            if (client.pods().inNamespace(namespace).withName(name).get() == null) {
                createUnlessPresent(podWithRole(pod, client.persistentVolumeClaims().inNamespace(namespace)
                        .withName(NodeObjects.claim(spec.nodeId())).get()));
                log.info("node {}: Pod {} made in {}", spec.nodeId(), name, namespace);
            }
            return new NodePlacement(name, NodeManifests.address(spec.nodeId()), name);
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new ComputeException("could not make the Pod of node " + spec.nodeId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerStatus status(String nodeId) {
        Pod pod = client.pods().inNamespace(namespace).withName(NodeObjects.node(nodeId)).get();
        return PodState.of(pod, pod != null || claim(nodeId).isPresent()
                || client.secrets().inNamespace(namespace).withName(NodeObjects.secret(nodeId)).get() != null
                || policy(nodeId) != null);
    }

    /** What the node's Pod shows, for an operator: its phase, restarts and why its container waits. */
    public String describe(String nodeId) {
        return PodState.describe(client.pods().inNamespace(namespace).withName(NodeObjects.node(nodeId)).get());
    }

    @Override
    public FirewallReport applyFirewall(NodeFirewall firewall) throws ComputeException {
        try {
            String group = claim(firewall.nodeId()).map(claim -> claim.getMetadata().getLabels()
                    .get(NodeObjects.CLUSTER)).orElse(null);
            apply(FirewallPolicy.of(firewall, policyLabels(firewall.nodeId()), group));
        } catch (KubernetesClientException e) {
            throw new ComputeException("could not write the NetworkPolicy of node " + firewall.nodeId() + ": "
                    + e.getMessage(), e);
        }
        String admitted = "NetworkPolicy " + NodeObjects.node(firewall.nodeId()) + " admits "
                + (firewall.allowedCidrs().isEmpty() ? "no CIDR" : String.join(", ", firewall.allowedCidrs()))
                + " to port " + firewall.port() + ", and the node's own group to every port";
        return properties.networkPoliciesEnforced() ? new FirewallReport(true, admitted)
                : new FirewallReport(false, admitted + "; not enforced: the cluster's network plugin does not"
                        + " enforce NetworkPolicies (shoal.compute.kubernetes.network-policies-enforced=false)");
    }

    /** The Pod's labels take the role at once, so the writer Service follows; the claim keeps it for a new Pod. */
    @Override
    public void assignRole(String nodeId, Role role) throws ComputeException {
        Map<String, String> wanted = NodeObjects.roleLabels(role);
        try {
            if (claim(nodeId).filter(claim -> !relabelled(claim, wanted).equals(claim.getMetadata().getLabels()))
                    .isPresent()) {
                client.persistentVolumeClaims().inNamespace(namespace).withName(NodeObjects.claim(nodeId))
                        .edit(claim -> new PersistentVolumeClaimBuilder(claim).editMetadata()
                                .withLabels(relabelled(claim, wanted)).endMetadata().build());
            }
            Pod pod = client.pods().inNamespace(namespace).withName(NodeObjects.node(nodeId)).get();
            if (pod != null && !relabelled(pod, wanted).equals(pod.getMetadata().getLabels())) {
                client.pods().inNamespace(namespace).withName(NodeObjects.node(nodeId)).edit(current ->
                        new PodBuilder(current).editMetadata().withLabels(relabelled(current, wanted)).endMetadata()
                                .build());
                log.info("node {}: its Pod now has role {}", nodeId, role);
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return;
            }
            throw new ComputeException("could not label node " + nodeId + " with its role " + role + ": "
                    + e.getMessage(), e);
        }
    }

    /** The claim asks for more; a StorageClass that allows expansion grows the volume under the running Pod. */
    @Override
    public void resizeVolume(String nodeId, int sizeGb) throws ComputeException {
        PersistentVolumeClaim claim = claim(nodeId).orElseThrow(() -> new ComputeException("node " + nodeId
                + " has no volume claim to grow", null));
        Quantity wanted = NodeManifests.gigabytes(sizeGb);
        Quantity asked = claim.getSpec().getResources().getRequests().get("storage");
        if (asked != null && asked.getNumericalAmount().compareTo(wanted.getNumericalAmount()) >= 0) {
            return;
        }
        try {
            client.persistentVolumeClaims().inNamespace(namespace).withName(NodeObjects.claim(nodeId))
                    .edit(current -> new PersistentVolumeClaimBuilder(current).editSpec().editResources()
                            .addToRequests("storage", wanted).endResources().endSpec().build());
        } catch (KubernetesClientException e) {
            throw new ComputeException("could not grow the volume of node " + nodeId + " to " + sizeGb + " GB: "
                    + e.getMessage(), e);
        }
        log.info("node {}: its volume claim asks for {} now", nodeId, wanted);
    }

    /**
     * The claim goes first, so that no keeper makes the Pod again meanwhile; the group's Services go with its last
     * node. Each delete of an absent object does nothing, so a failed destroy is finished by the next.
     */
    @Override
    public void destroy(String nodeId) throws ComputeException {
        try {
            Optional<String> group = claim(nodeId).map(claim -> claim.getMetadata().getLabels().get(NodeObjects.CLUSTER))
                    .or(() -> Optional.ofNullable(client.secrets().inNamespace(namespace)
                            .withName(NodeObjects.secret(nodeId)).get())
                            .map(secret -> secret.getMetadata().getLabels().get(NodeObjects.CLUSTER)));
            client.persistentVolumeClaims().inNamespace(namespace).withName(NodeObjects.claim(nodeId)).delete();
            client.pods().inNamespace(namespace).withName(NodeObjects.node(nodeId)).withGracePeriod(0).delete();
            client.secrets().inNamespace(namespace).withName(NodeObjects.secret(nodeId)).delete();
            client.services().inNamespace(namespace).withName(NodeObjects.node(nodeId)).delete();
            client.network().v1().networkPolicies().inNamespace(namespace).withName(NodeObjects.node(nodeId)).delete();
            if (group.isPresent() && nodesOf(group.get()).stream().allMatch(nodeId::equals)) {
                client.services().inNamespace(namespace).withName(NodeObjects.group(group.get())).delete();
                client.services().inNamespace(namespace).withName(NodeObjects.writer(group.get())).delete();
            }
        } catch (KubernetesClientException e) {
            throw new ComputeException("could not remove node " + nodeId + ": " + e.getMessage(), e);
        }
        log.info("node {}: its Pod, volume, Secret, Service and NetworkPolicy removed", nodeId);
    }

    /** The Pod goes at once, without a grace period; its volume, Secret and addresses stay. */
    @Override
    public void stop(String nodeId) throws ComputeException {
        try {
            client.pods().inNamespace(namespace).withName(NodeObjects.node(nodeId)).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            throw new ComputeException("could not delete the Pod of node " + nodeId + " to fence it: "
                    + e.getMessage(), e);
        }
        log.warn("node {}: its Pod was deleted to fence it", nodeId);
    }

    /**
     * Makes every node's broker account ready ({@code prepare}) and rewrites the broker file in its Secret, in case the
     * broker moved since the node was made: nodes outlive the control plane. A running Pod keeps the file it started
     * with (it is mounted by {@code subPath}); it reads the new one when it is made again.
     *
     * @return how many nodes were pointed at the broker
     */
    public int pointGuestsAtBroker(Consumer<GuestBrokerAccount> prepare) {
        int pointed = 0;
        for (String nodeId : nodes()) {
            try {
                Secret secret = client.secrets().inNamespace(namespace).withName(NodeObjects.secret(nodeId)).get();
                Optional<Properties> guest = secret == null ? Optional.empty()
                        : NodeSecretFiles.read(secret, NodeManifests.GUEST_FILE);
                if (guest.isEmpty() || guest.get().getProperty("node.secret") == null) {
                    log.error("node {}: its Secret holds no guest file; its guest cannot follow the broker", nodeId);
                    continue;
                }
                GuestBrokerAccount account = GuestBrokerAccount.forNode(nodeId,
                        new NodeSecret(guest.get().getProperty("node.secret")));
                try {
                    prepare.accept(account);
                } catch (RuntimeException e) {
                    log.error("node {}: its broker account could not be made ready; its guest may not log in: {}",
                            nodeId, e.getMessage());
                }
                Properties broker = new Properties();
                broker.setProperty(GuestProperties.BROKER_URI_KEY, account.amqpUri(brokerUri));
                if (!NodeSecretFiles.read(secret, NodeManifests.BROKER_FILE).equals(Optional.of(broker))) {
                    client.secrets().inNamespace(namespace).withName(NodeObjects.secret(nodeId)).edit(current ->
                            new SecretBuilder(current).removeFromData(NodeManifests.BROKER_FILE)
                                    .addToStringData(NodeManifests.BROKER_FILE, GuestProperties.text(broker,
                                            "Shoal guest agent of node " + nodeId)).build());
                }
                pointed++;
            } catch (KubernetesClientException e) {
                log.error("node {}: could not point its guest at the broker: {}", nodeId, e.getMessage());
            }
        }
        log.info("pointed the guests of {} nodes in namespace {} at the broker", pointed, namespace);
        return pointed;
    }

    /**
     * What the Pods of nodes that do not run say, found by label in one call: the kubelet restarts their containers,
     * an operator may need to know why it keeps doing so.
     */
    public Map<String, String> unwell() {
        Map<String, String> unwell = new java.util.TreeMap<>();
        client.pods().inNamespace(namespace).withLabel(NodeObjects.MANAGED_BY, NodeObjects.SHOAL)
                .withLabel(NodeObjects.COMPONENT, NodeObjects.NODE_COMPONENT).list().getItems().stream()
                .filter(pod -> PodState.of(pod, true) != ServerStatus.ACTIVE)
                .forEach(pod -> unwell.put(pod.getMetadata().getLabels().get(NodeObjects.NODE),
                        PodState.describe(pod)));
        return unwell;
    }

    /** Every node this driver made in its namespace, found by label. */
    public List<String> nodes() {
        return client.persistentVolumeClaims().inNamespace(namespace)
                .withLabel(NodeObjects.MANAGED_BY, NodeObjects.SHOAL)
                .withLabel(NodeObjects.COMPONENT, NodeObjects.NODE_COMPONENT)
                .list().getItems().stream()
                .filter(claim -> claim.getMetadata().getDeletionTimestamp() == null)
                .map(claim -> claim.getMetadata().getLabels().get(NodeObjects.NODE))
                .sorted()
                .toList();
    }

    /**
     * Makes the Pod again of every node that has none, from the template on its claim with its current role.
     *
     * @return the nodes whose Pod was made again
     */
    public List<String> restartLostPods() {
        List<String> restarted = new ArrayList<>();
        for (String nodeId : nodes()) {
            try {
                if (client.pods().inNamespace(namespace).withName(NodeObjects.node(nodeId)).get() != null) {
                    continue;
                }
                Optional<PersistentVolumeClaim> claim = claim(nodeId)
                        .filter(found -> found.getMetadata().getDeletionTimestamp() == null);
                String template = claim.map(found -> found.getMetadata().getAnnotations().get(POD_TEMPLATE))
                        .orElse(null);
                if (template == null) {
                    continue;
                }
                Pod pod = client.getKubernetesSerialization().unmarshal(template, Pod.class);
                createUnlessPresent(podWithRole(pod, claim.get()));
                restarted.add(nodeId);
                log.warn("node {}: its Pod was gone; made it again", nodeId);
            } catch (KubernetesClientException e) {
                log.error("node {}: could not make its Pod again: {}", nodeId, e.getMessage());
            }
        }
        return restarted;
    }

    /** A node made before its group was known, or before its policy, admits its peers once both are. */
    private void admitPeers(String nodeId, String group) {
        NetworkPolicy policy = policy(nodeId);
        if (policy == null) {
            return;
        }
        FirewallPolicy.firewallOf(policy, NodeManifests.address(nodeId))
                .ifPresent(firewall -> apply(FirewallPolicy.of(firewall, policyLabels(nodeId), group)));
    }

    private List<String> nodesOf(String group) {
        return client.persistentVolumeClaims().inNamespace(namespace).withLabel(NodeObjects.CLUSTER, group)
                .list().getItems().stream()
                .filter(claim -> claim.getMetadata().getDeletionTimestamp() == null)
                .map(claim -> claim.getMetadata().getLabels().get(NodeObjects.NODE))
                .toList();
    }

    private static Pod podWithRole(Pod pod, PersistentVolumeClaim claim) {
        Map<String, String> labels = new HashMap<>(pod.getMetadata().getLabels());
        labels.remove(NodeObjects.ROLE);
        labels.remove(NodeObjects.WRITER);
        if (claim != null) {
            claim.getMetadata().getLabels().forEach((key, value) -> {
                if (key.equals(NodeObjects.ROLE) || key.equals(NodeObjects.WRITER)) {
                    labels.put(key, value);
                }
            });
        }
        return new PodBuilder(pod).editMetadata().withLabels(labels).endMetadata().build();
    }

    private static Map<String, String> relabelled(HasMetadata object, Map<String, String> roleLabels) {
        Map<String, String> labels = new HashMap<>(object.getMetadata().getLabels() == null ? Map.of()
                : object.getMetadata().getLabels());
        labels.remove(NodeObjects.ROLE);
        labels.remove(NodeObjects.WRITER);
        labels.putAll(roleLabels);
        return labels;
    }

    private static Map<String, String> policyLabels(String nodeId) {
        return Map.of(NodeObjects.MANAGED_BY, NodeObjects.SHOAL, NodeObjects.COMPONENT, NodeObjects.NODE_COMPONENT,
                NodeObjects.NODE, NodeObjects.checked(nodeId));
    }

    private Optional<PersistentVolumeClaim> claim(String nodeId) {
        return Optional.ofNullable(client.persistentVolumeClaims().inNamespace(namespace)
                .withName(NodeObjects.claim(nodeId)).get());
    }

    private NetworkPolicy policy(String nodeId) {
        return client.network().v1().networkPolicies().inNamespace(namespace).withName(NodeObjects.node(nodeId)).get();
    }

    private <T extends HasMetadata> void apply(T object) {
        client.resource(object).inNamespace(namespace).unlock().createOr(NonDeletingOperation::update);
    }

    /** Made once: a claim's size and a Pod's labels are changed by their own calls, never replaced whole. */
    private <T extends HasMetadata> void createUnlessPresent(T object) {
        if (client.resource(object).inNamespace(namespace).get() == null) {
            try {
                client.resource(object).inNamespace(namespace).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
    }
}
