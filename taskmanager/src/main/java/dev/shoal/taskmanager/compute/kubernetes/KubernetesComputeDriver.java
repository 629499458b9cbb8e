package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.contracts.Role;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.FirewallReport;
import dev.shoal.taskmanager.compute.NodeFirewall;
import dev.shoal.taskmanager.compute.NodePlacement;
import dev.shoal.taskmanager.compute.NodeSpec;
import dev.shoal.taskmanager.compute.ServerStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final NodeNamespace namespace;
    private final KubernetesComputeProperties properties;
    private final NodeManifests manifests;
    private final ToIntFunction<String> clientPorts;
    private final NodeLabels labels;
    private final GroupMoves groupMoves;
    private final LostPods lostPods;
    private final BrokerPointing brokerPointing;

    /**
     * @param brokerUri   the broker as the nodes reach it, with the control plane's credentials
     * @param clientPorts the client port of each datastore, by its manager's name
     */
    public KubernetesComputeDriver(KubernetesClient client, KubernetesComputeProperties properties, String brokerUri,
                                   ToIntFunction<String> clientPorts) {
        this.namespace = new NodeNamespace(client, properties.namespace() != null ? properties.namespace()
                : client.getNamespace());
        this.properties = properties;
        this.manifests = new NodeManifests(properties, brokerUri);
        this.clientPorts = clientPorts;
        this.labels = new NodeLabels(namespace);
        this.groupMoves = new GroupMoves(namespace, labels, manifests);
        this.lostPods = new LostPods(namespace);
        this.brokerPointing = new BrokerPointing(namespace, brokerUri);
    }

    /** Every object is made unless it is there; the Pod last, once all it mounts exists. */
    @Override
    public NodePlacement provision(NodeSpec spec) throws ComputeException {
        String name = NodeObjects.node(spec.nodeId());
        try {
            int port = clientPorts.applyAsInt(spec.datastore());
            Pod pod = manifests.pod(spec, port);
            namespace.apply(manifests.secret(spec));
            PersistentVolumeClaim claim = manifests.claim(spec);
            claim.getMetadata().getAnnotations().put(LostPods.POD_TEMPLATE,
                    namespace.client().getKubernetesSerialization().asJson(pod));
            claim.getMetadata().getLabels().putAll(NodeObjects.roleLabels(spec.role()));
            namespace.createUnlessPresent(claim);
            // a Service is never replaced: an API server refuses a replacement that leaves out its cluster IP
            namespace.createUnlessPresent(manifests.nodeService(spec, port));
            if (spec.group() != null) {
                String tenant = NodeObjects.labelValue(spec.tenantId());
                namespace.createUnlessPresent(manifests.groupService(spec.group(), tenant, port));
                namespace.createUnlessPresent(manifests.writerService(spec.group(), tenant, port));
                admitPeers(spec.nodeId(), spec.group());
            }
            if (namespace.pod(spec.nodeId()) == null) {
                namespace.createUnlessPresent(LostPods.asClaimSays(pod, namespace.claim(spec.nodeId()).orElse(claim)));
                log.info("node {}: Pod {} made in {}", spec.nodeId(), name, namespace.name());
            }
            return new NodePlacement(name, NodeManifests.address(spec.nodeId()), name);
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new ComputeException("could not make the Pod of node " + spec.nodeId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerStatus status(String nodeId) {
        Pod pod = namespace.pod(nodeId);
        return PodState.of(pod, pod != null || namespace.claim(nodeId).isPresent()
                || namespace.secret(nodeId) != null || namespace.policy(nodeId) != null);
    }

    /** What the node's Pod shows, for an operator: its phase, restarts and why its container waits. */
    public String describe(String nodeId) {
        return PodState.describe(namespace.pod(nodeId));
    }

    @Override
    public FirewallReport applyFirewall(NodeFirewall firewall) throws ComputeException {
        try {
            String group = namespace.claim(firewall.nodeId()).map(claim -> claim.getMetadata().getLabels()
                    .get(NodeObjects.CLUSTER)).orElse(null);
            namespace.apply(FirewallPolicy.of(firewall, policyLabels(firewall.nodeId()), group));
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
        try {
            labels.assignRole(nodeId, role);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return;
            }
            throw new ComputeException("could not label node " + nodeId + " with its role " + role + ": "
                    + e.getMessage(), e);
        }
    }

    /** The node's objects take the group's label and its NetworkPolicy the group's peers; see {@link GroupMoves}. */
    @Override
    public void assignGroup(String nodeId, String group) throws ComputeException {
        try {
            groupMoves.move(nodeId, group);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return;
            }
            throw new ComputeException("could not move node " + nodeId + " to group " + group + ": "
                    + e.getMessage(), e);
        }
    }

    /** The claim asks for more; a StorageClass that allows expansion grows the volume under the running Pod. */
    @Override
    public void resizeVolume(String nodeId, int sizeGb) throws ComputeException {
        PersistentVolumeClaim claim = namespace.claim(nodeId).orElseThrow(() -> new ComputeException("node " + nodeId
                + " has no volume claim to grow", null));
        Quantity wanted = NodeManifests.gigabytes(sizeGb);
        Quantity asked = claim.getSpec().getResources().getRequests().get("storage");
        if (asked != null && asked.getNumericalAmount().compareTo(wanted.getNumericalAmount()) >= 0) {
            return;
        }
        try {
            namespace.client().persistentVolumeClaims().inNamespace(namespace.name())
                    .withName(NodeObjects.claim(nodeId))
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
            KubernetesClient client = namespace.client();
            String ns = namespace.name();
            Optional<String> group = namespace.claim(nodeId)
                    .map(claim -> claim.getMetadata().getLabels().get(NodeObjects.CLUSTER))
                    .or(() -> Optional.ofNullable(namespace.secret(nodeId))
                            .map(secret -> secret.getMetadata().getLabels().get(NodeObjects.CLUSTER)));
            client.persistentVolumeClaims().inNamespace(ns).withName(NodeObjects.claim(nodeId)).delete();
            client.pods().inNamespace(ns).withName(NodeObjects.node(nodeId)).withGracePeriod(0).delete();
            client.secrets().inNamespace(ns).withName(NodeObjects.secret(nodeId)).delete();
            client.services().inNamespace(ns).withName(NodeObjects.node(nodeId)).delete();
            client.network().v1().networkPolicies().inNamespace(ns).withName(NodeObjects.node(nodeId)).delete();
            if (group.isPresent() && namespace.nodesOf(group.get()).stream().allMatch(nodeId::equals)) {
                namespace.deleteGroupServices(group.get());
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
            namespace.client().pods().inNamespace(namespace.name()).withName(NodeObjects.node(nodeId))
                    .withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            throw new ComputeException("could not delete the Pod of node " + nodeId + " to fence it: "
                    + e.getMessage(), e);
        }
        log.warn("node {}: its Pod was deleted to fence it", nodeId);
    }

    /**
     * Makes every node's broker account ready ({@code prepare}) and rewrites the broker file in its Secret, in case the
     * broker moved since the node was made. A running Pod sees the new file once the kubelet syncs its Secret volume
     * (within its sync period, about a minute), and its guest uses it at its next connection attempt.
     *
     * @return how many nodes were pointed at the broker
     */
    public int pointGuestsAtBroker(Consumer<GuestBrokerAccount> prepare) {
        return brokerPointing.pointAll(prepare);
    }

    /**
     * What the Pods of nodes that do not run say: the kubelet restarts their containers, an operator may need to know
     * why it keeps doing so.
     */
    public Map<String, String> unwell() {
        return lostPods.unwell();
    }

    /** Every node this driver made in its namespace, found by label. */
    public List<String> nodes() {
        return namespace.nodes();
    }

    /**
     * Makes the Pod again of every node that has none, from the template on its claim with its current role.
     *
     * @return the nodes whose Pod was made again
     */
    public List<String> restartLostPods() {
        return lostPods.restart();
    }

    /** A node made before its group was known, or before its policy, admits its peers once both are. */
    private void admitPeers(String nodeId, String group) {
        NetworkPolicy policy = namespace.policy(nodeId);
        if (policy == null) {
            return;
        }
        FirewallPolicy.firewallOf(policy, NodeManifests.address(nodeId))
                .ifPresent(firewall -> namespace.apply(FirewallPolicy.of(firewall, policyLabels(nodeId), group)));
    }

    private static Map<String, String> policyLabels(String nodeId) {
        return Map.of(NodeObjects.MANAGED_BY, NodeObjects.SHOAL, NodeObjects.COMPONENT, NodeObjects.NODE_COMPONENT,
                NodeObjects.NODE, NodeObjects.checked(nodeId));
    }
}
