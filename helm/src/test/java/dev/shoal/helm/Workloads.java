package dev.shoal.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The pods the chart runs: the three services' Deployments and the migration Job. */
final class Workloads {

    static final List<String> SERVICES = List.of("api", "taskmanager", "conductor");
    static final String MIGRATIONS = "db-migrations";

    private Workloads() {
    }

    static Stream<JsonNode> all(Manifests manifests) {
        return Stream.concat(manifests.ofKind("Deployment"), manifests.ofKind("Job"));
    }

    static JsonNode service(Manifests manifests, String component) {
        return manifests.component("Deployment", component);
    }

    static JsonNode migrationJob(Manifests manifests) {
        return manifests.component("Job", MIGRATIONS);
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static List<JsonNode> containers(JsonNode workload) {
        return List.copyOf(podSpec(workload).path("containers").values());
    }

    static JsonNode onlyContainer(JsonNode workload) {
        List<JsonNode> containers = containers(workload);
        if (containers.size() != 1) {
            throw new AssertionError(name(workload) + " has " + containers.size() + " containers, not one");
        }
        return containers.get(0);
    }

    /** A container's environment by variable name, each entry as written (value or valueFrom). */
    static Map<String, JsonNode> env(JsonNode container) {
        var env = new LinkedHashMap<String, JsonNode>();
        container.path("env").values().forEach(entry -> env.put(entry.path("name").asString(), entry));
        return env;
    }

    static String envValue(JsonNode workload, String name) {
        JsonNode entry = env(onlyContainer(workload)).get(name);
        if (entry == null) {
            throw new AssertionError(name(workload) + " has no " + name);
        }
        return entry.path("value").asString();
    }

    static String name(JsonNode object) {
        return object.path("kind").asString() + "/" + object.path("metadata").path("name").asString();
    }
}
