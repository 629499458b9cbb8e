package dev.shoal.taskmanager.compute.kubernetes;

import static dev.shoal.taskmanager.compute.kubernetes.MockKubernetes.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.NodeFirewall;
import dev.shoal.taskmanager.compute.NodePlacement;
import dev.shoal.taskmanager.compute.NodeSpec;
import dev.shoal.taskmanager.compute.ServerStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the Kubernetes driver writes beyond the contract, against fabric8's mock server in CRUD mode: the objects of a
 * node and of its group, status from what a kubelet would write, fenced Pods made again, and peers admitted.
 */
class KubernetesComputeDriverIT {

    @RegisterExtension
    static final MockKubernetes kubernetes = new MockKubernetes();
    private static final KubernetesClient client = kubernetes.testClient();

    private final List<String> made = new ArrayList<>();
    private final String group = UUID.randomUUID().toString();
    private KubernetesComputeDriver driver;

    @AfterEach
    void destroyEveryNodeMade() throws ComputeException {
        for (String nodeId : made) {
            driver().destroy(nodeId);
        }
    }

    @Test
    void aNodeIsAPodWithItsClaimSecretAndAddressesAndShowsWhatTheKubeletReports() throws Exception {
        String nodeId = node();

        NodePlacement placement = driver().provision(spec(nodeId, Role.MASTER));

        assertThat(placement.address()).isEqualTo("node-" + nodeId);
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(NAMESPACE)
                .withName("data-node-" + nodeId).get();
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("3Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("expandable");
        assertThat(client.secrets().inNamespace(NAMESPACE).withName("node-" + nodeId + "-guest").get()).isNotNull();
        assertThat(client.services().inNamespace(NAMESPACE).withName("node-" + nodeId).get()).isNotNull();
        assertThat(client.services().inNamespace(NAMESPACE).withName("group-" + group).get()).isNotNull();
        assertThat(client.services().inNamespace(NAMESPACE).withName("writer-" + group).get()).isNotNull();

        assertThat(driver().status(nodeId)).as("placed, not yet started").isEqualTo(ServerStatus.BUILD);
        MockKubernetes.crashLooping(client, nodeId);
        assertThat(driver().status(nodeId)).isEqualTo(ServerStatus.SHUTOFF);
        assertThat(driver().describe(nodeId)).contains("restarted 3 times", "CrashLoopBackOff");
        assertThat(newDriver().unwell()).containsEntry(nodeId, driver().describe(nodeId));
        MockKubernetes.running(client, nodeId);
        assertThat(driver().status(nodeId)).isEqualTo(ServerStatus.ACTIVE);
        assertThat(newDriver().unwell()).doesNotContainKey(nodeId);
    }

    @Test
    void aFencedPodIsMadeAgainWithTheRoleItHasNow() throws Exception {
        String nodeId = node();
        driver().provision(spec(nodeId, Role.MASTER));
        driver().assignRole(nodeId, Role.REPLICA);

        driver().stop(nodeId);

        assertThat(MockKubernetes.pod(client, nodeId)).isNull();
        assertThat(driver().status(nodeId)).as("its volume and Secret stay").isEqualTo(ServerStatus.SHUTOFF);
        assertThat(newDriver().nodes()).as("found by label").contains(nodeId);
        assertThat(newDriver().restartLostPods()).containsExactly(nodeId);
        assertThat(MockKubernetes.pod(client, nodeId).getMetadata().getLabels())
                .containsEntry("shoal.dev/role", "replica").containsEntry("shoal.dev/writer", "false");
        assertThat(driver().restartLostPods()).as("a Pod that is there is left alone").isEmpty();
    }

    @Test
    void aNodesPeersAreAdmittedOnceItsGroupIsKnownAndNoRuleAdmitsEveryone() throws Exception {
        String nodeId = node();
        driver().applyFirewall(new NodeFirewall(nodeId, "node-" + nodeId, 3306, List.of()));
        assertThat(policy(nodeId).getSpec().getIngress()).as("no CIDR, no rule: nothing admitted").isEmpty();

        driver().provision(spec(nodeId, null));
        driver().applyFirewall(new NodeFirewall(nodeId, "node-" + nodeId, 3306, List.of("10.2.0.0/16")));

        assertThat(policy(nodeId).getSpec().getIngress()).hasSize(2).allSatisfy(rule ->
                assertThat(rule.getFrom()).as("every rule names its sources").isNotEmpty());
        assertThat(policy(nodeId).getSpec().getIngress().get(1).getFrom().get(0).getPodSelector().getMatchLabels())
                .containsExactlyEntriesOf(Map.of("shoal.dev/cluster", group));
    }

    @Test
    void theGroupsServicesGoWithItsLastNode() throws Exception {
        String first = node();
        String second = node();
        driver().provision(spec(first, Role.MASTER));
        driver().provision(spec(second, Role.REPLICA));

        driver().destroy(first);
        assertThat(client.services().inNamespace(NAMESPACE).withName("writer-" + group).get()).isNotNull();
        driver().destroy(second);

        assertThat(client.services().inNamespace(NAMESPACE).withName("writer-" + group).get()).isNull();
        assertThat(client.services().inNamespace(NAMESPACE).withName("group-" + group).get()).isNull();
    }

    @Test
    void aDetachedReplicaTakesTheWritesOfASetOfItsOwnWhileItsOldSetKeepsItsMaster() throws Exception {
        String master = node();
        String replica = node();
        String own = UUID.randomUUID().toString();
        driver().provision(spec(master, Role.MASTER));
        driver().provision(spec(replica, Role.REPLICA));
        driver().applyFirewall(new NodeFirewall(replica, "node-" + replica, 3306, List.of("10.2.0.0/16")));

        driver().assignGroup(replica, own);
        driver().assignRole(replica, Role.MASTER);
        String version = MockKubernetes.pod(client, replica).getMetadata().getResourceVersion();
        newDriver().assignGroup(replica, own);

        assertThat(MockKubernetes.pod(client, replica).getMetadata().getResourceVersion())
                .as("a node in its group is left alone").isEqualTo(version);
        assertThat(writersOf(group)).containsExactly(master);
        assertThat(writersOf(own)).containsExactly(replica);
        assertThat(client.services().inNamespace(NAMESPACE).withName("group-" + own).get()).isNotNull();
        assertThat(List.of(client.secrets().inNamespace(NAMESPACE).withName("node-" + replica + "-guest").get(),
                client.services().inNamespace(NAMESPACE).withName("node-" + replica).get(),
                client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("data-node-" + replica).get()))
                .allSatisfy(object -> assertThat(object.getMetadata().getLabels())
                        .containsEntry("shoal.dev/cluster", own));
        assertThat(FirewallPolicy.peerGroup(policy(replica))).contains(own);
        assertThat(FirewallPolicy.firewallOf(policy(replica), "node-" + replica).orElseThrow().allowedCidrs())
                .as("its clients are still admitted").containsExactly("10.2.0.0/16");

        driver().stop(replica);
        driver().restartLostPods();
        assertThat(MockKubernetes.pod(client, replica).getSpec().getSubdomain()).isEqualTo("group-" + own);
        assertThat(writersOf(own)).containsExactly(replica);

        driver().assignGroup(master, own);
        assertThat(client.services().inNamespace(NAMESPACE).withName("writer-" + group).get())
                .as("an emptied group's Services go with its last node").isNull();
        assertThat(client.services().inNamespace(NAMESPACE).withName("group-" + group).get()).isNull();
    }

    @Test
    void aGrownVolumeIsAskedOfTheClaimAndNeverShrunk() throws Exception {
        String nodeId = node();
        driver().provision(spec(nodeId, null));

        driver().resizeVolume(nodeId, 10);
        driver().resizeVolume(nodeId, 4);

        assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("data-node-" + nodeId).get()
                .getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("10Gi"));
    }

    @Test
    void aRestartedTaskManagerPointsEveryNodeAtItsBrokerWithTheNodesOwnAccount() throws Exception {
        String nodeId = node();
        driver().provision(spec(nodeId, null));
        List<GuestBrokerAccount> prepared = new ArrayList<>();

        KubernetesComputeDriver moved = new KubernetesComputeDriver(client, MockKubernetes.properties(Map.of()),
                "amqp://shoal:secret@rabbitmq-2.shoal.svc:5672/shoal", datastore -> 3306);

        assertThat(moved.pointGuestsAtBroker(prepared::add)).isGreaterThanOrEqualTo(1);
        assertThat(prepared).extracting(GuestBrokerAccount::nodeId).contains(nodeId);
        String broker = client.secrets().inNamespace(NAMESPACE).withName("node-" + nodeId + "-guest").get()
                .getStringData().get("broker.properties");
        assertThat(broker).contains("rabbitmq-2.shoal.svc").contains(GuestBrokerAccount.username(nodeId))
                .doesNotContain("shoal:secret");
    }

    /** The kubelet carries a rewritten Secret into a directory it mounts, never into a file mounted by subPath. */
    @Test
    void aRunningPodKeepsRunningAndReadsTheRewrittenBrokerFileFromItsSecretsDirectory() throws Exception {
        String nodeId = node();
        driver().provision(spec(nodeId, null));
        String uid = client.pods().inNamespace(NAMESPACE).withName("node-" + nodeId).get().getMetadata().getUid();

        new KubernetesComputeDriver(client, MockKubernetes.properties(Map.of()),
                "amqp://shoal:secret@rabbitmq-2.shoal.svc:5672/shoal", datastore -> 3306).pointGuestsAtBroker(
                account -> { });

        Pod pod = client.pods().inNamespace(NAMESPACE).withName("node-" + nodeId).get();
        assertThat(pod.getMetadata().getUid()).as("the same Pod, not one made again").isNotNull().isEqualTo(uid);
        String guest = client.secrets().inNamespace(NAMESPACE).withName("node-" + nodeId + "-guest").get()
                .getStringData().get("guest.properties");
        assertThat(guest).contains("broker.file=/etc/shoal/guest/broker.properties");
        assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts())
                .anySatisfy(mount -> {
                    assertThat(mount.getName()).isEqualTo("guest");
                    assertThat(mount.getMountPath()).isEqualTo("/etc/shoal/guest");
                    assertThat(mount.getSubPath()).isNull();
                    assertThat(mount.getReadOnly()).isTrue();
                });
    }

    /** The nodes whose Pods the group's writer Service selects. */
    private static List<String> writersOf(String group) {
        Map<String, String> selector = client.services().inNamespace(NAMESPACE).withName("writer-" + group).get()
                .getSpec().getSelector();
        return client.pods().inNamespace(NAMESPACE).withLabels(selector).list().getItems().stream()
                .map(pod -> pod.getMetadata().getLabels().get("shoal.dev/node")).toList();
    }

    private NetworkPolicy policy(String nodeId) {
        return client.network().v1().networkPolicies().inNamespace(NAMESPACE).withName("node-" + nodeId).get();
    }

    private String node() {
        String nodeId = UUID.randomUUID().toString();
        made.add(nodeId);
        return nodeId;
    }

    private NodeSpec spec(String nodeId, Role role) {
        return new NodeSpec(nodeId, "acme", group, role, null, "mysql", "10.11", 512, 1, 3, "127.0.77.20",
                NodeSecret.generate());
    }

    private KubernetesComputeDriver driver() {
        if (driver == null) {
            driver = newDriver();
        }
        return driver;
    }

    private static KubernetesComputeDriver newDriver() {
        return new KubernetesComputeDriver(client, MockKubernetes.properties(Map.of()),
                "amqp://shoal:secret@rabbitmq.shoal.svc:5672/shoal", datastore -> 3306);
    }
}
