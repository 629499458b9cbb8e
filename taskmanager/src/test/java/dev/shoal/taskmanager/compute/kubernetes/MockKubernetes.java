package dev.shoal.taskmanager.compute.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * fabric8's Kubernetes mock server in CRUD mode, on the loopback address: no API server can run here, so it stands in
 * for one. It keeps objects as an API server does and runs no controller and no kubelet: a Pod's status is what a test
 * writes into it, as a kubelet would.
 */
public final class MockKubernetes implements AutoCloseable, AfterAllCallback {

    static final String NAMESPACE = "shoal-nodes";
    static final Map<String, String> IMAGES = Map.of("mysql", "registry.example.com/shoal/node-mariadb:0.1.0");

    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new KubernetesCrudDispatcher(), false);
    private KubernetesClient testClient;

    public MockKubernetes() {
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client a test reads and writes objects with as a kubelet or an operator would, closed with the server. */
    public synchronized KubernetesClient testClient() {
        if (testClient == null) {
            testClient = client();
        }
        return testClient;
    }

    /** A new client, as a restarted task manager would make. */
    public KubernetesClient client() {
        return server.createClient();
    }

    static KubernetesComputeProperties properties(Map<String, String> zones) {
        return new KubernetesComputeProperties(NAMESPACE, IMAGES, null, java.time.Duration.ofSeconds(1),
                Map.of("failover.probe-interval", "PT1S"), "expandable", zones, null, true,
                java.time.Duration.ofSeconds(10));
    }

    /** What the kubelet writes once the node's container runs. */
    static void running(KubernetesClient client, String nodeId) {
        status(client, nodeId, "Running", new ContainerStateBuilder().withNewRunning().withStartedAt("2026-12-07T00:00:00Z")
                .endRunning().build(), 0);
    }

    /** What the kubelet writes while it waits to start a container that keeps failing. */
    static void crashLooping(KubernetesClient client, String nodeId) {
        status(client, nodeId, "Running", new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                .endWaiting().build(), 3);
    }

    private static void status(KubernetesClient client, String nodeId, String phase,
                               io.fabric8.kubernetes.api.model.ContainerState state, int restarts) {
        client.pods().inNamespace(NAMESPACE).withName(NodeObjects.node(nodeId)).editStatus(pod ->
                new PodBuilder(pod).withStatus(new PodStatusBuilder().withPhase(phase)
                        .addToContainerStatuses(new ContainerStatusBuilder().withName(NodeObjects.CONTAINER)
                                .withRestartCount(restarts).withState(state).build()).build()).build());
    }

    static Pod pod(KubernetesClient client, String nodeId) {
        return client.pods().inNamespace(NAMESPACE).withName(NodeObjects.node(nodeId)).get();
    }

    @Override
    public synchronized void close() {
        if (testClient != null) {
            testClient.close();
        }
        server.destroy();
    }

    /** Registered as an extension of a test class, the server lives as long as the class's tests. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
