package dev.shoal.taskmanager.compute.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import dev.shoal.taskmanager.compute.NodeSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a node is in Kubernetes, computed without a cluster. */
class NodeManifestsTest {

    private static final String NODE = "6f1c1a52-9c52-4d3a-8a55-3a3f8e2a9b10";
    private static final String GROUP = "0b0e5a8e-2f5c-4f7e-9d9f-5c3d3c1e7a21";
    private static final NodeSecret SECRET = NodeSecret.generate();

    private final NodeManifests manifests = new NodeManifests(MockKubernetes.properties(Map.of("eu-1", "eu-west-1a")),
            "amqp://shoal:control-plane@rabbitmq.shoal.svc:5672/shoal");

    @Test
    void theNodesSecretReachesItsGuestOnlyAsReadOnlyFiles() throws Exception {
        Pod pod = manifests.pod(spec("eu-1", Role.MASTER), 3306);
        Container guest = pod.getSpec().getContainers().get(0);

        assertThat(guest.getEnv()).as("nothing of the secret in the environment").isNullOrEmpty();
        assertThat(guest.getArgs()).isNullOrEmpty();
        assertThat(guest.getVolumeMounts()).filteredOn(mount -> "guest".equals(mount.getName()))
                .extracting(VolumeMount::getMountPath, VolumeMount::getSubPath, VolumeMount::getReadOnly)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/var/lib/shoal/node/guest.properties", "guest.properties",
                                true),
                        org.assertj.core.groups.Tuple.tuple("/etc/shoal/guest", null, true));
        assertThat(pod.getSpec().getVolumes()).filteredOn(volume -> "guest".equals(volume.getName()))
                .singleElement().satisfies(volume -> {
                    assertThat(volume.getSecret().getSecretName()).isEqualTo("node-" + NODE + "-guest");
                    assertThat(volume.getSecret().getDefaultMode()).as("owner and fsGroup read, nobody writes")
                            .isEqualTo(0440);
                });
        assertThat(pod.getSpec().getSecurityContext().getFsGroup()).isEqualTo(10001L);
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
    }

    /** A file mounted by subPath never changes under a running container; a Secret's directory does. */
    @Test
    void theGuestReadsItsBrokerFromTheSecretsDirectorySoThatARewrittenSecretReachesARunningPod() throws Exception {
        Pod pod = manifests.pod(spec(null, Role.MASTER), 3306);
        Secret secret = manifests.secret(spec(null, Role.MASTER));

        assertThat(properties(secret.getStringData().get("guest.properties")))
                .containsEntry("broker.file", "/etc/shoal/guest/broker.properties");
        assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts())
                .filteredOn(mount -> "guest".equals(mount.getName()) && mount.getSubPath() == null)
                .singleElement().satisfies(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo("/etc/shoal/guest");
                    assertThat(mount.getReadOnly()).isTrue();
                });
        assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts())
                .as("no mount of the broker file that would keep it as the Pod started")
                .noneMatch(mount -> "broker.properties".equals(mount.getSubPath()));
    }

    @Test
    void theGuestIsToldWhatTheLocalDriverTellsItWithItsOwnBrokerAccount() throws Exception {
        Secret secret = manifests.secret(spec(null, null));

        Properties guest = properties(secret.getStringData().get("guest.properties"));
        Properties broker = properties(secret.getStringData().get("broker.properties"));
        assertThat(guest).containsEntry("node.id", NODE).containsEntry("node.secret", SECRET.value())
                .containsEntry("node.address", "node-" + NODE).containsEntry("node.dir", "/var/lib/shoal/node")
                .containsEntry("datastore.manager", "mysql").containsEntry("heartbeat.interval", "PT1S")
                .containsEntry("failover.probe-interval", "PT1S");
        assertThat(broker.getProperty("amqp.uri")).as("the node's own account, never the control plane's")
                .startsWith("amqp://").contains("@rabbitmq.shoal.svc:5672/shoal").doesNotContain("control-plane");
        assertThat(guest.getProperty("amqp.uri")).isEqualTo(broker.getProperty("amqp.uri"));
    }

    @Test
    void aFlavorIsTheContainersRequestsAndLimitsAndARegionItsZone() {
        Pod pod = manifests.pod(spec("eu-1", null), 3306);

        Container guest = pod.getSpec().getContainers().get(0);
        assertThat(guest.getImage()).isEqualTo("registry.example.com/shoal/node-mariadb:0.1.0");
        assertThat(guest.getResources().getRequests()).containsEntry("memory", new Quantity("512Mi"))
                .containsEntry("cpu", new Quantity("2"));
        assertThat(guest.getResources().getLimits()).isEqualTo(guest.getResources().getRequests());
        assertThat(pod.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms().get(0).getMatchExpressions().get(0))
                .satisfies(term -> {
                    assertThat(term.getKey()).isEqualTo("topology.kubernetes.io/zone");
                    assertThat(term.getOperator()).isEqualTo("In");
                    assertThat(term.getValues()).containsExactly("eu-west-1a");
                });
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(guest.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }

    @Test
    void labelsNameTheTenantClusterNodeAndRole() {
        Pod pod = manifests.pod(spec(null, Role.MASTER), 3306);

        assertThat(pod.getMetadata().getLabels()).containsEntry("shoal.dev/tenant", "acme")
                .containsEntry("shoal.dev/cluster", GROUP).containsEntry("shoal.dev/node", NODE)
                .containsEntry("shoal.dev/role", "master").containsEntry("shoal.dev/writer", "true")
                .containsEntry("app.kubernetes.io/managed-by", "shoal");
        assertThat(pod.getSpec().getHostname()).isEqualTo("node-" + NODE);
        assertThat(pod.getSpec().getSubdomain()).isEqualTo("group-" + GROUP);
    }

    @Test
    void theWriterServiceSelectsWhicheverNodeOfTheSetTakesWrites() {
        Service writer = manifests.writerService(GROUP, "acme", 3306);
        Service group = manifests.groupService(GROUP, "acme", 3306);
        Service node = manifests.nodeService(spec(null, Role.REPLICA), 3306);

        assertThat(writer.getMetadata().getName()).isEqualTo("writer-" + GROUP);
        assertThat(writer.getSpec().getSelector()).containsExactlyInAnyOrderEntriesOf(
                Map.of("shoal.dev/cluster", GROUP, "shoal.dev/writer", "true"));
        assertThat(writer.getSpec().getPorts().get(0).getPort()).isEqualTo(3306);
        assertThat(group.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(node.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(node.getSpec().getSelector()).containsExactlyEntriesOf(Map.of("shoal.dev/node", NODE));
        assertThat(node.getSpec().getPublishNotReadyAddresses()).isTrue();
    }

    @Test
    void refusesADatastoreWithoutImageAndARegionWithoutZone() {
        NodeSpec other = new NodeSpec(NODE, "acme", null, null, null, "otherstore", "1", 256, 1, 1, null, SECRET);

        assertThatThrownBy(() -> manifests.pod(other, 1234)).hasMessageContaining(
                "no node image for datastore otherstore: set shoal.compute.kubernetes.images.otherstore");
        assertThatThrownBy(() -> manifests.pod(spec("mars", null), 3306)).hasMessageContaining(
                "region mars has no topology zone: set shoal.compute.kubernetes.zones.mars");
        assertThatThrownBy(() -> NodeObjects.node("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTenantThatIsNoLabelValueIsLabelledByItsDigest() {
        assertThat(NodeObjects.labelValue("acme")).isEqualTo("acme");
        assertThat(NodeObjects.labelValue("a".repeat(63) + "-")).startsWith("sha256-").hasSizeLessThan(64);
    }

    private static NodeSpec spec(String region, Role role) {
        return new NodeSpec(NODE, "acme", GROUP, role, region, "mysql", "10.11", 512, 2, 3, "127.0.77.9", SECRET);
    }

    private static Properties properties(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
