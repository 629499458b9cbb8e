package dev.shoal.taskmanager.compute.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.Role;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeDriverContractTests;
import dev.shoal.taskmanager.compute.FirewallReport;
import dev.shoal.taskmanager.compute.NodeFirewall;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kubernetes driver passes the contract against fabric8's mock server in CRUD mode ({@link MockKubernetes}): what
 * is checked is the objects the driver writes, and its reading of the Pod status a test writes as a kubelet would.
 */
class KubernetesComputeDriverContractIT extends ComputeDriverContractTests {

    @RegisterExtension
    static final MockKubernetes kubernetes = new MockKubernetes();
    private static final KubernetesClient client = kubernetes.testClient();

    @Override
    protected ComputeDriver provideDriver() {
        return new KubernetesComputeDriver(kubernetes.client(), MockKubernetes.properties(Map.of()),
                "amqp://shoal:secret@rabbitmq.shoal.svc:5672/shoal", datastore -> 3306);
    }

    @Override
    protected String address(int index) {
        return "127.0.77." + index;
    }

    @Override
    protected void letRun(String nodeId) {
        MockKubernetes.running(client, nodeId);
    }

    @Override
    protected int copiesOf(String nodeId) {
        return client.pods().inNamespace(MockKubernetes.NAMESPACE).withLabel(NodeObjects.NODE, nodeId).list()
                .getItems().size();
    }

    @Override
    protected Optional<Role> roleShown(String nodeId) {
        Pod pod = MockKubernetes.pod(client, nodeId);
        Optional<Role> role = Optional.ofNullable(pod.getMetadata().getLabels().get(NodeObjects.ROLE))
                .map(label -> Role.valueOf(label.toUpperCase(java.util.Locale.ROOT)));
        assertThat(pod.getMetadata().getLabels().get(NodeObjects.WRITER)).as("the writer label follows the role")
                .isEqualTo(role.map(shown -> Boolean.toString(shown == Role.MASTER)).orElse(null));
        return role;
    }

    @Override
    protected void assertVolumeHolds(String nodeId, int sizeGb) {
        assertThat(client.persistentVolumeClaims().inNamespace(MockKubernetes.NAMESPACE)
                .withName(NodeObjects.claim(nodeId)).get().getSpec().getResources().getRequests().get("storage"))
                .isEqualTo(new Quantity(sizeGb + "Gi"));
    }

    @Override
    protected void assertFirewallIs(NodeFirewall firewall, FirewallReport report) {
        NetworkPolicy policy = client.network().v1().networkPolicies().inNamespace(MockKubernetes.NAMESPACE)
                .withName(NodeObjects.node(firewall.nodeId())).get();
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry(NodeObjects.NODE,
                firewall.nodeId());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(policy.getSpec().getIngress()).hasSize(1);
        assertThat(policy.getSpec().getIngress().get(0).getFrom())
                .extracting(peer -> peer.getIpBlock().getCidr()).containsExactlyElementsOf(firewall.allowedCidrs());
        assertThat(policy.getSpec().getIngress().get(0).getPorts())
                .extracting(port -> port.getPort().getIntVal()).containsExactly(firewall.port());
        assertThat(report.enforced()).isTrue();
        assertThat(report.description()).contains(String.join(", ", firewall.allowedCidrs()));
    }

    @Override
    protected void assertNothingLeftOf(String nodeId) {
        String ns = MockKubernetes.NAMESPACE;
        assertThat(client.pods().inNamespace(ns).withLabel(NodeObjects.NODE, nodeId).list().getItems()).isEmpty();
        assertThat(client.persistentVolumeClaims().inNamespace(ns).withLabel(NodeObjects.NODE, nodeId).list()
                .getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(ns).withLabel(NodeObjects.NODE, nodeId).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(ns).withLabel(NodeObjects.NODE, nodeId).list().getItems()).isEmpty();
        assertThat(client.network().v1().networkPolicies().inNamespace(ns).withLabel(NodeObjects.NODE, nodeId).list()
                .getItems()).isEmpty();
    }
}
