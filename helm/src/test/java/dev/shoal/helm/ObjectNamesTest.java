package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ObjectNamesTest {

    /** Helm's own limit on a release name. */
    private static final String LONGEST_RELEASE = "a".repeat(53);
    /** Kinds whose names must be DNS labels: a Service's is a host name, a Job's a label value on its pods. */
    private static final Set<String> LABEL_NAMED = Set.of("Service", "Job", "Deployment");

    @Test
    void keepsEveryNameValidUnderTheLongestReleaseName() {
        Manifests manifests = ShoalChart.renderAs(LONGEST_RELEASE);

        assertThat(manifests.objects()).hasSizeGreaterThan(10).allSatisfy(object -> {
            String name = object.path("metadata").path("name").asString();
            assertThat(name).as(Workloads.name(object)).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                    .hasSizeLessThanOrEqualTo(isLabelNamed(object) ? 63 : 253);
        });
        assertThat(manifests.names()).contains("Job/" + LONGEST_RELEASE.substring(0, 49) + "-db-migrations");
    }

    @Test
    void namesObjectsAfterTheReleaseAndTheChart() {
        assertThat(ShoalChart.renderAs("prod").names()).contains("Deployment/prod-shoal-api",
                "Deployment/prod-shoal-taskmanager", "Job/prod-shoal-db-migrations", "NetworkPolicy/prod-shoal");
    }

    private static boolean isLabelNamed(JsonNode object) {
        return LABEL_NAMED.contains(object.path("kind").asString());
    }
}
