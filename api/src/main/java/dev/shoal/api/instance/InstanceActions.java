package dev.shoal.api.instance;

import dev.shoal.api.system.ApiException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /instances/{id}/action}: {@code {"detach": {}}}, {@code {"replicate": {"count": N}}},
 * {@code {"restart": {}}}, {@code {"resize": {...}}}, {@code {"promote_to_replica_source": {}}} and
 * {@code {"eject_replica_source": {}}}. An unknown action is refused with the list, so clients learn what exists.
 */
@Component
class InstanceActions {

    private static final Set<String> KNOWN = Set.of("detach", "replicate", "restart", "resize",
            "promote_to_replica_source", "eject_replica_source");

    private final ReplicaService replicas;
    private final ReplicaSourceService sources;
    private final InstanceService instances;
    private final InstanceResize resize;

    InstanceActions(ReplicaService replicas, ReplicaSourceService sources, InstanceService instances,
                    InstanceResize resize) {
        this.replicas = replicas;
        this.sources = sources;
        this.instances = instances;
        this.resize = resize;
    }

    Object run(String tenantId, UUID id, Map<String, JsonNode> body) {
        if (body == null || body.size() != 1) {
            throw ApiException.invalid("action", "the body names exactly one action, one of " + KNOWN);
        }
        Map.Entry<String, JsonNode> action = body.entrySet().iterator().next();
        return switch (action.getKey()) {
            case "detach" -> {
                replicas.detach(tenantId, id);
                yield null;
            }
            case "promote_to_replica_source" -> {
                sources.promote(tenantId, id);
                yield null;
            }
            case "eject_replica_source" -> {
                sources.eject(tenantId, id);
                yield null;
            }
            case "restart" -> {
                instances.restart(tenantId, id);
                yield null;
            }
            case "resize" -> {
                resize.resize(tenantId, id, action.getValue());
                yield null;
            }
            case "replicate" -> Map.of("instances", replicas.replicate(tenantId, id, count(action.getValue()))
                    .stream().map(instances::view).toList());
            default -> throw ApiException.invalid("action", "unknown action '" + action.getKey() + "'; one of "
                    + KNOWN);
        };
    }

    private static int count(JsonNode replicate) {
        JsonNode count = replicate == null ? null : replicate.get("count");
        if (count == null || count.isNull()) {
            return 1;
        }
        if (!count.isIntegralNumber()) {
            throw ApiException.invalid("replicate.count", "must be a whole number");
        }
        return count.asInt();
    }
}
