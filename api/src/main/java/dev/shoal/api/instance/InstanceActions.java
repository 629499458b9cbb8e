package dev.shoal.api.instance;

import dev.shoal.api.replication.ReplicaService;
import dev.shoal.api.replication.ReplicaSourceService;
import dev.shoal.api.security.TenantPathGuard;
import dev.shoal.api.system.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code POST /instances/{id}/action}: {@code {"detach": {}}}, {@code {"replicate": {"count": N}}},
 * {@code {"restart": {}}}, {@code {"resize": {...}}}, {@code {"promote_to_replica_source": {}}} and
 * {@code {"eject_replica_source": {}}}, and for operators Trove's {@code {"reset_status": {}}}. An unknown action is refused by name, none or two with the list, so
 * clients learn what exists.
 */
@Component
class InstanceActions {

    private static final Set<String> KNOWN = Set.of("detach", "replicate", "restart", "resize",
            "promote_to_replica_source", "eject_replica_source", "reset_status");

    private final ReplicaService replicas;
    private final ReplicaSourceService sources;
    private final InstanceLookup instances;
    private final InstanceChanges changes;
    private final InstanceResize resize;
    private final StatusReset reset;

    InstanceActions(ReplicaService replicas, ReplicaSourceService sources, InstanceLookup instances,
                    InstanceChanges changes, InstanceResize resize, StatusReset reset) {
        this.reset = reset;
        this.replicas = replicas;
        this.sources = sources;
        this.instances = instances;
        this.changes = changes;
        this.resize = resize;
    }

    Object run(String tenantId, UUID id, InstanceActionRequest body) {
        List<String> named = body == null ? List.of() : body.named();
        if (named.size() != 1) {
            throw ApiException.invalid("action", "the body names exactly one action, one of " + KNOWN);
        }
        return switch (named.get(0)) {
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
                changes.restart(tenantId, id);
                yield null;
            }
            case "resize" -> {
                resize.resize(tenantId, id, body.resize());
                yield null;
            }
            case "reset_status" -> {
                if (!TenantPathGuard.caller().isOperator()) {
                    throw ApiException.forbidden("reset_status needs the permission 'operator'");
                }
                reset.reset(tenantId, id);
                yield null;
            }
            case "replicate" -> Map.of("instances", replicas.replicate(tenantId, id, count(body.replicate()))
                    .stream().map(instances::view).toList());
            default -> throw new IllegalStateException("an action without a case: " + named.get(0));
        };
    }

    private static int count(InstanceActionRequest.Replicate replicate) {
        return replicate.count() == null ? 1 : replicate.count();
    }
}
