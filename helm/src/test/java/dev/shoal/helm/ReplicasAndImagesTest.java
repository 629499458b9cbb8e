package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ReplicasAndImagesTest {

    @Test
    void runsTwoOfEachServiceByDefault() {
        assertThat(replicas(ShoalChart.DEFAULTS)).isEqualTo(Map.of("api", 2, "taskmanager", 2, "conductor", 2));
    }

    @Test
    void runsAsManyOfEachServiceAsConfigured() {
        assertThat(replicas(RenderedValues.MINIMAL_PRODUCTION))
                .isEqualTo(Map.of("api", 3, "taskmanager", 2, "conductor", 4));
    }

    @Test
    void tagsEveryImageWithTheChartsAppVersionByDefault() {
        String appVersion = YAMLMapper.builder().build().readTree(Path.of("shoal/Chart.yaml").toFile())
                .path("appVersion").asString();
        Manifests manifests = ShoalChart.render(ShoalChart.DEFAULTS);

        assertThat(appVersion).isEqualTo("0.1.0");
        assertThat(images(manifests)).isEqualTo(Map.of(
                "api", "shoal/api:" + appVersion,
                "taskmanager", "shoal/taskmanager:" + appVersion,
                "conductor", "shoal/conductor:" + appVersion,
                "db-migrations", "shoal/db-migrations:" + appVersion));
    }

    @Test
    void takesTheRegistryAndTagsFromValues() {
        assertThat(images(ShoalChart.render(RenderedValues.MINIMAL_PRODUCTION))).isEqualTo(Map.of(
                "api", "registry.example.org/platform/shoal/api:0.1.1",
                "taskmanager", "registry.example.org/platform/shoal/taskmanager:0.1.1",
                "conductor", "registry.example.org/platform/shoal/conductor:0.1.1-hotfix",
                "db-migrations", "registry.example.org/platform/shoal/db-migrations:0.1.1"));
    }

    private static Map<String, Integer> replicas(String values) {
        Manifests manifests = ShoalChart.render(values);
        return Map.of("api", replicas(manifests, "api"), "taskmanager", replicas(manifests, "taskmanager"),
                "conductor", replicas(manifests, "conductor"));
    }

    private static int replicas(Manifests manifests, String service) {
        return Workloads.service(manifests, service).path("spec").path("replicas").asInt();
    }

    private static Map<String, String> images(Manifests manifests) {
        return Map.of("api", image(Workloads.service(manifests, "api")),
                "taskmanager", image(Workloads.service(manifests, "taskmanager")),
                "conductor", image(Workloads.service(manifests, "conductor")),
                "db-migrations", image(Workloads.migrationJob(manifests)));
    }

    private static String image(JsonNode workload) {
        return Workloads.onlyContainer(workload).path("image").asString();
    }
}
