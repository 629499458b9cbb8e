package dev.shoal.images;

import java.nio.file.Path;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the Helm chart expects of an image: its repository and tag (the chart's appVersion, which its defaults use)
 * and the port it gives the container. The images are checked against the chart, not a copy of its values.
 */
record ChartImages(JsonNode chart, JsonNode values) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static ChartImages of(Path chartDir) {
        return new ChartImages(YAML.readTree(chartDir.resolve("Chart.yaml").toFile()),
                YAML.readTree(chartDir.resolve("values.yaml").toFile()));
    }

    /** {@code repository:appVersion} of a component of the values ({@code api}, {@code migrations}, ...). */
    String reference(String component) {
        String repository = values.path(component).path("image").path("repository").asString();
        return repository + ":" + appVersion();
    }

    String appVersion() {
        return chart.path("appVersion").asString();
    }

    OptionalInt port(String component) {
        JsonNode port = values.path(component).path("port");
        return port.isInt() ? OptionalInt.of(port.intValue()) : OptionalInt.empty();
    }

    long runAsUser() {
        return values.path("podSecurityContext").path("runAsUser").longValue();
    }
}
