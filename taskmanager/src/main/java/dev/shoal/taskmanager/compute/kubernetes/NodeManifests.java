package dev.shoal.taskmanager.compute.kubernetes;

import static dev.shoal.taskmanager.compute.kubernetes.NodeObjects.CONTAINER;
import static dev.shoal.taskmanager.compute.kubernetes.NodeObjects.NODE_DIR;
import static dev.shoal.taskmanager.compute.kubernetes.NodeObjects.SECRET_DIR;
import static dev.shoal.taskmanager.compute.kubernetes.NodeObjects.SHARED_DIR;
import static dev.shoal.taskmanager.compute.kubernetes.NodeObjects.USER;

import dev.shoal.taskmanager.compute.GuestProperties;
import dev.shoal.taskmanager.compute.NodeSpec;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a node is in Kubernetes, computed from its spec and nothing else, so that it is tested without a cluster: its
 * Secret, volume claim, Pod and Services. The driver creates what is missing of them.
 */
final class NodeManifests {

    static final String GUEST_FILE = GuestProperties.GUEST_FILE;
    static final String BROKER_FILE = "broker.properties";
    /** Where the guest reads the broker from: the Secret's own directory, which follows a rewritten Secret. */
    static final String BROKER_PATH = SECRET_DIR + "/" + BROKER_FILE;
    /** Read by the node's own group only: the kubelet gives a Secret's files to root and the Pod's fsGroup. */
    static final int SECRET_MODE = 0440;

    private final KubernetesComputeProperties properties;
    private final String brokerUri;

    NodeManifests(KubernetesComputeProperties properties, String brokerUri) {
        this.properties = properties;
        this.brokerUri = brokerUri;
    }

    /** The node's address: its own Service's name, which resolves to its Pod from anywhere in the namespace. */
    static String address(String nodeId) {
        return NodeObjects.node(nodeId);
    }

    /** The guest's two files, the node's secret and broker account in them; nothing of it goes to the environment. */
    Secret secret(NodeSpec spec) {
        NodeSpec placed = withAddress(spec);
        String snapshots = properties.sharedClaim() != null ? SHARED_DIR + "/snapshots" : NODE_DIR + "/.snapshots";
        String backups = properties.sharedClaim() != null ? SHARED_DIR + "/backups" : NODE_DIR + "/.backups";
        String comment = "Shoal guest agent of node " + spec.nodeId();
        Map<String, String> settings = new LinkedHashMap<>(properties.guestSettings());
        settings.put("broker.file", BROKER_PATH);
        return new SecretBuilder()
                .withMetadata(meta(NodeObjects.secret(spec.nodeId()), spec))
                .withType("Opaque")
                .addToStringData(GUEST_FILE, GuestProperties.text(GuestProperties.guest(placed, NODE_DIR, brokerUri,
                        properties.heartbeatInterval(), snapshots, backups, settings), comment))
                .addToStringData(BROKER_FILE, GuestProperties.text(GuestProperties.broker(placed, brokerUri), comment))
                .build();
    }

    PersistentVolumeClaim claim(NodeSpec spec) {
        return new PersistentVolumeClaimBuilder()
                .withMetadata(meta(NodeObjects.claim(spec.nodeId()), spec))
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(properties.storageClass())
                .withNewResources().addToRequests("storage", gigabytes(spec.volumeSizeGb())).endResources()
                .endSpec()
                .build();
    }

    /**
     * One container, the guest agent with its server as its child, restarted by the kubelet when it fails. The Secret
     * is mounted read-only twice: {@code guest.properties} in the node's directory, where the image's entry point reads
     * it, and the whole Secret as a directory, where the guest reads the broker file on each connection attempt.
     *
     * @throws IllegalArgumentException when no image is configured for the node's datastore, or no zone for its region
     */
    Pod pod(NodeSpec spec, int clientPort) {
        String image = properties.images().get(spec.datastore());
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("no node image for datastore " + spec.datastore()
                    + ": set shoal.compute.kubernetes.images." + spec.datastore());
        }
        Map<String, Quantity> resources = Map.of("memory", new Quantity(spec.ramMb() + "Mi"),
                "cpu", new Quantity(Integer.toString(Math.max(1, spec.vcpus()))));
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(image)
                .addNewPort().withName("client").withContainerPort(clientPort).endPort()
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().addToDrop("ALL").endCapabilities().endSecurityContext()
                .addToVolumeMounts(new VolumeMountBuilder().withName("data").withMountPath(NODE_DIR).build())
                .addToVolumeMounts(guestFile(), new VolumeMountBuilder().withName("guest").withMountPath(SECRET_DIR)
                        .withReadOnly(true).build())
                .addToVolumeMounts(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy("Always")
                .withHostname(NodeObjects.node(spec.nodeId()))
                .withSubdomain(spec.group() == null ? null : NodeObjects.group(spec.group()))
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(USER).withRunAsGroup(USER)
                .withFsGroup(USER).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addToVolumes(new VolumeBuilder().withName("data").withNewPersistentVolumeClaim()
                        .withClaimName(NodeObjects.claim(spec.nodeId())).endPersistentVolumeClaim().build())
                .addToVolumes(new VolumeBuilder().withName("guest").withNewSecret()
                        .withSecretName(NodeObjects.secret(spec.nodeId())).withDefaultMode(SECRET_MODE)
                        .endSecret().build())
                .addToVolumes(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
        if (properties.sharedClaim() != null) {
            container.addToVolumeMounts(new VolumeMountBuilder().withName("shared").withMountPath(SHARED_DIR).build());
            pod.addToVolumes(new VolumeBuilder().withName("shared").withNewPersistentVolumeClaim()
                    .withClaimName(properties.sharedClaim()).endPersistentVolumeClaim().build());
        }
        zone(spec).ifPresent(zone -> pod.withNewAffinity().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("topology.kubernetes.io/zone")
                .withOperator("In").withValues(zone).endMatchExpression().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity());
        ObjectMeta meta = meta(NodeObjects.node(spec.nodeId()), spec);
        meta.getLabels().putAll(NodeObjects.roleLabels(spec.role()));
        return new PodBuilder().withMetadata(meta).withSpec(pod.addToContainers(container.build()).build()).build();
    }

    /**
     * Headless, and publishing the Pod before it is ready, so that the guest can bind its server to its own name as
     * soon as it starts.
     */
    Service nodeService(NodeSpec spec, int clientPort) {
        return headless(meta(NodeObjects.node(spec.nodeId()), spec), Map.of(NodeObjects.NODE, spec.nodeId()),
                clientPort);
    }

    /**
     * The group's headless Service: every node of it by {@code <node>.<group-service>}.
     *
     * @param tenant the tenant as a label value
     */
    Service groupService(String group, String tenant, int clientPort) {
        return headless(groupMeta(NodeObjects.group(group), group, tenant), Map.of(NodeObjects.CLUSTER, group,
                NodeObjects.COMPONENT, NodeObjects.NODE_COMPONENT), clientPort);
    }

    /** One virtual address for the set's writes, following the writer label from one node to another. */
    Service writerService(String group, String tenant, int clientPort) {
        return new ServiceBuilder()
                .withMetadata(groupMeta(NodeObjects.writer(group), group, tenant))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Map.of(NodeObjects.CLUSTER, group, NodeObjects.WRITER, "true"))
                .addNewPort().withName("client").withPort(clientPort).withNewTargetPort(clientPort).endPort()
                .endSpec()
                .build();
    }

    private static Service headless(ObjectMeta meta, Map<String, String> selector, int clientPort) {
        return new ServiceBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(selector)
                .addNewPort().withName("client").withPort(clientPort).withNewTargetPort(clientPort).endPort()
                .endSpec()
                .build();
    }

    private Optional<String> zone(NodeSpec spec) {
        if (properties.zones().isEmpty() || spec.region() == null) {
            return Optional.empty();
        }
        String zone = properties.zones().get(spec.region());
        if (zone == null) {
            throw new IllegalArgumentException("region " + spec.region() + " has no topology zone: set"
                    + " shoal.compute.kubernetes.zones." + spec.region());
        }
        return Optional.of(zone);
    }

    /**
     * guest.properties over the node's directory, as the image's entry point expects it. A file mounted by
     * {@code subPath} keeps the content it had when the Pod started; nothing in it changes while the node lives.
     */
    private static VolumeMount guestFile() {
        return new VolumeMountBuilder().withName("guest").withMountPath(NODE_DIR + "/" + GUEST_FILE)
                .withSubPath(GUEST_FILE).withReadOnly(true).build();
    }

    static Quantity gigabytes(int sizeGb) {
        return new Quantity(sizeGb + "Gi");
    }

    private static ObjectMeta meta(String name, NodeSpec spec) {
        return new ObjectMetaBuilder().withName(name)
                .withLabels(NodeObjects.labels(spec.nodeId(), spec.tenantId(), spec.group()))
                .withAnnotations(Map.of(NodeObjects.TENANT_ANNOTATION, spec.tenantId()))
                .build();
    }

    private static ObjectMeta groupMeta(String name, String group, String tenant) {
        return new ObjectMetaBuilder().withName(name)
                .withLabels(Map.of(NodeObjects.MANAGED_BY, NodeObjects.SHOAL, NodeObjects.COMPONENT,
                        NodeObjects.GROUP_COMPONENT, NodeObjects.CLUSTER, group, NodeObjects.TENANT, tenant))
                .build();
    }

    private static NodeSpec withAddress(NodeSpec spec) {
        return new NodeSpec(spec.nodeId(), spec.tenantId(), spec.group(), spec.role(), spec.region(),
                spec.datastore(), spec.version(), spec.ramMb(), spec.vcpus(), spec.volumeSizeGb(),
                address(spec.nodeId()), spec.secret());
    }
}
