package dev.shoal.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The Kubernetes objects a rendering produced, parsed as YAML. */
record Manifests(List<JsonNode> objects) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static Manifests parse(String rendered) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered)) {
            // a template that renders nothing leaves an empty document behind
            return new Manifests(documents.readAll().stream()
                    .filter(object -> object != null && object.isObject() && object.has("kind"))
                    .map(Manifests::withHookAnnotationsNamedBack)
                    .toList());
        }
    }

    private static JsonNode withHookAnnotationsNamedBack(JsonNode object) {
        if (object.path("metadata").path("annotations") instanceof ObjectNode annotations) {
            var named = new LinkedHashMap<String, JsonNode>();
            annotations.properties().forEach(entry -> named.put(HooksAsManifests.nameBack(entry.getKey()),
                    entry.getValue()));
            annotations.removeAll();
            annotations.setAll(named);
        }
        return object;
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asString()));
    }

    JsonNode one(String kind, String name) {
        return ofKind(kind).filter(object -> name.equals(object.path("metadata").path("name").asString()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " named " + name + " in " + names()));
    }

    /** A component's object, named as the chart names them: {@code <release>-<component>}. */
    JsonNode component(String kind, String component) {
        return one(kind, ShoalChart.RELEASE + "-" + component);
    }

    /** Helm hooks: objects Helm creates apart from the release, around an install or upgrade. */
    Stream<JsonNode> hooks() {
        return objects.stream().filter(object -> object.path("metadata").path("annotations").has("helm.sh/hook"));
    }

    List<String> names() {
        return objects.stream()
                .map(object -> object.path("kind").asString() + "/" + object.path("metadata").path("name").asString())
                .toList();
    }
}
