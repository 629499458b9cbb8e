package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ComputeDriverRoleTest {

    /** What a compute driver that runs each node as a Pod with a volume, a Service and a Secret needs. */
    private static final String DRIVER_RULES = """
            - apiGroups: [""]
              resources: [pods]
              verbs: [get, list, watch, create, delete, patch]
            - apiGroups: [""]
              resources: [persistentvolumeclaims]
              verbs: [get, list, create, delete, patch]
            - apiGroups: [""]
              resources: [services]
              verbs: [get, list, create, delete, patch]
            - apiGroups: [""]
              resources: [secrets]
              verbs: [get, create, update, delete, patch]
            - apiGroups: [networking.k8s.io]
              resources: [networkpolicies]
              verbs: [get, list, create, update, delete, patch]
            """;

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void grantsTheTaskManagerExactlyWhatTheComputeDriverNeeds(String values) {
        JsonNode role = ShoalChart.render(values).one("Role", "shoal-taskmanager-compute");

        assertThat(role.path("rules")).isEqualTo(YAMLMapper.builder().build().readTree(DRIVER_RULES));
        assertThat(ShoalChart.render(values).ofKind("ClusterRole")).isEmpty();
        assertThat(ShoalChart.render(values).ofKind("ClusterRoleBinding")).isEmpty();
    }

    @Test
    void grantsItInTheReleasesNamespaceByDefault() {
        assertGrantedIn(ShoalChart.render(ShoalChart.DEFAULTS), ShoalChart.NAMESPACE, "shoal-taskmanager");
    }

    @Test
    void grantsItInTheNodesNamespaceWhenTheyRunApart() {
        assertGrantedIn(ShoalChart.render(RenderedValues.NODES_IN_ANOTHER_NAMESPACE), "shoal-nodes", "shoal-compute");
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void keepsTheOtherServicesAwayFromTheKubernetesApi(String values) {
        Manifests manifests = ShoalChart.render(values);

        for (String service : new String[] {"api", "conductor"}) {
            JsonNode pod = Workloads.podSpec(Workloads.service(manifests, service));
            assertThat(pod.path("automountServiceAccountToken").isBoolean()).as(service).isTrue();
            assertThat(pod.path("automountServiceAccountToken").asBoolean()).as(service).isFalse();
            assertThat(pod.has("serviceAccountName")).as(service).isFalse();
        }
    }

    private static void assertGrantedIn(Manifests manifests, String nodesNamespace, String serviceAccount) {
        JsonNode role = manifests.one("Role", "shoal-taskmanager-compute");
        JsonNode binding = manifests.one("RoleBinding", "shoal-taskmanager-compute");
        JsonNode taskmanager = Workloads.service(manifests, "taskmanager");

        assertThat(role.path("metadata").path("namespace").asString()).isEqualTo(nodesNamespace);
        assertThat(binding.path("metadata").path("namespace").asString()).isEqualTo(nodesNamespace);
        assertThat(binding.path("roleRef").path("name").asString()).isEqualTo("shoal-taskmanager-compute");
        assertThat(binding.path("subjects")).singleElement().satisfies(subject -> {
            assertThat(subject.path("kind").asString()).isEqualTo("ServiceAccount");
            assertThat(subject.path("name").asString()).isEqualTo(serviceAccount);
            assertThat(subject.path("namespace").asString()).isEqualTo(ShoalChart.NAMESPACE);
        });
        assertThat(manifests.one("ServiceAccount", serviceAccount).path("metadata").path("namespace").asString())
                .isEqualTo(ShoalChart.NAMESPACE);
        assertThat(Workloads.podSpec(taskmanager).path("serviceAccountName").asString()).isEqualTo(serviceAccount);
        assertThat(Workloads.envValue(taskmanager, "SHOAL_COMPUTE_KUBERNETES_NAMESPACE")).isEqualTo(nodesNamespace);
    }

    @Test
    void selectsTheKubernetesDriverWithANodeImagePerDatastore() {
        JsonNode taskmanager = Workloads.service(ShoalChart.render(ShoalChart.DEFAULTS), "taskmanager");

        assertThat(Workloads.envValue(taskmanager, "SHOAL_COMPUTE_DRIVER")).isEqualTo("kubernetes");
        assertThat(Workloads.envValue(taskmanager, "SHOAL_COMPUTE_KUBERNETES_IMAGES_MYSQL"))
                .isEqualTo("shoal/node-mariadb:0.1.0");
        assertThat(Workloads.envValue(taskmanager, "SHOAL_COMPUTE_KUBERNETES_IMAGES_CASSANDRA"))
                .isEqualTo("shoal/node-cassandra:0.1.0");
    }
}
