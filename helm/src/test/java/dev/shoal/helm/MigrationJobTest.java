package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class MigrationJobTest {

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void migratesBeforeEveryInstallAndUpgradeAndIsReplacedByTheNextOne(String values) {
        JsonNode annotations = annotations(Workloads.migrationJob(ShoalChart.render(values)));

        assertThat(annotations.path("helm.sh/hook").asString()).isEqualTo("pre-install,pre-upgrade");
        assertThat(annotations.path("helm.sh/hook-delete-policy").asString())
                .isEqualTo("before-hook-creation,hook-succeeded");
    }

    @Test
    void isAHookToHelmNotPartOfTheRelease() {
        assertThat(ShoalChart.releaseManifest().ofKind("Job")).isEmpty();
        assertThat(ShoalChart.releaseManifest().ofKind("Deployment")).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void runsBeforeEveryOtherHook(String values) {
        Manifests manifests = ShoalChart.render(values);
        JsonNode job = Workloads.migrationJob(manifests);

        assertThat(manifests.hooks()).contains(job);
        assertThat(manifests.hooks().filter(hook -> hook != job))
                .allSatisfy(hook -> assertThat(weight(hook)).as(Workloads.name(hook)).isGreaterThan(weight(job)));
        assertThat(weight(job)).isNegative();
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void connectsToTheDatabaseAsTheServicesDo(String values) {
        Manifests manifests = ShoalChart.render(values);
        JsonNode job = Workloads.onlyContainer(Workloads.migrationJob(manifests));
        JsonNode api = Workloads.onlyContainer(Workloads.service(manifests, "api"));

        for (String variable : new String[] {"SHOAL_DB_URL", "SHOAL_DB_USER", "SHOAL_DB_PASSWORD"}) {
            assertThat(Workloads.env(job).get(variable)).as(variable).isNotNull()
                    .isEqualTo(Workloads.env(api).get(variable));
        }
        assertThat(Workloads.podSpec(Workloads.migrationJob(manifests)).path("restartPolicy").asString())
                .isEqualTo("Never");
    }

    private static JsonNode annotations(JsonNode object) {
        return object.path("metadata").path("annotations");
    }

    private static int weight(JsonNode hook) {
        return Integer.parseInt(annotations(hook).path("helm.sh/hook-weight").asString("0"));
    }
}
