package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every pod of the chart, the services' and the migration Job's alike. */
class PodHardeningTest {

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void runsEveryContainerAsNonRootOnAReadOnlyRootWithoutPrivileges(String values) {
        List<JsonNode> workloads = Workloads.all(ShoalChart.render(values)).toList();

        assertThat(workloads).hasSize(4);
        for (JsonNode workload : workloads) {
            assertThat(Workloads.podSpec(workload).path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(Workloads.name(workload)).isTrue();
            for (JsonNode container : Workloads.containers(workload)) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(Workloads.name(workload)).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").isBoolean()).as(Workloads.name(workload))
                        .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean()).as(Workloads.name(workload))
                        .isFalse();
                assertThat(security.path("capabilities").path("drop").values()).as(Workloads.name(workload))
                        .extracting(JsonNode::asString).containsExactly("ALL");
                assertThat(security.path("privileged").asBoolean(false)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void givesEveryContainerAWritableTmpFromAnEmptyDir(String values) {
        for (JsonNode workload : Workloads.all(ShoalChart.render(values)).toList()) {
            JsonNode container = Workloads.onlyContainer(workload);
            String volume = container.path("volumeMounts").values().stream()
                    .filter(mount -> mount.path("mountPath").asString().equals("/tmp"))
                    .map(mount -> mount.path("name").asString())
                    .findFirst().orElseThrow(() -> new AssertionError(Workloads.name(workload) + " mounts no /tmp"));

            assertThat(Workloads.podSpec(workload).path("volumes").values())
                    .filteredOn(candidate -> candidate.path("name").asString().equals(volume))
                    .singleElement().satisfies(tmp -> assertThat(tmp.has("emptyDir")).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void givesEveryContainerRequestsAndLimits(String values) {
        for (JsonNode workload : Workloads.all(ShoalChart.render(values)).toList()) {
            JsonNode resources = Workloads.onlyContainer(workload).path("resources");

            assertThat(resources.path("requests").propertyNames()).as(Workloads.name(workload))
                    .contains("cpu", "memory");
            assertThat(resources.path("limits").propertyNames()).as(Workloads.name(workload)).contains("memory");
        }
    }
}
