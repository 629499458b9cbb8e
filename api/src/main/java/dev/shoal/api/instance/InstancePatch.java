package dev.shoal.api.instance;

import dev.shoal.api.system.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code PATCH /instances/{id}}: what {@code PUT} changes, plus {@code auto_failover}, which is its replication set's
 * (changed through a replica too). One transaction: a member refused leaves every other unchanged.
 */
@Component
class InstancePatch {

    private final InstanceLookup instances;
    private final InstanceUpdate update;
    private final AutoFailoverSetting autoFailover;

    InstancePatch(InstanceLookup instances, InstanceUpdate update, AutoFailoverSetting autoFailover) {
        this.instances = instances;
        this.update = update;
        this.autoFailover = autoFailover;
    }

    @Transactional
    void apply(String tenantId, UUID id, Map<String, Object> instance) {
        if (instance == null || instance.isEmpty()) {
            throw ApiException.invalid("instance", "is required, with at least one member to change");
        }
        Map<String, Object> others = new LinkedHashMap<>(instance);
        boolean changesAutoFailover = others.containsKey("auto_failover");
        Object wanted = others.remove("auto_failover");
        if (changesAutoFailover) {
            autoFailover.change(instances.find(tenantId, id), AutoFailoverSetting.parse(wanted));
        }
        if (!others.isEmpty()) {
            update.apply(tenantId, id, others);
        }
    }
}
