package dev.shoal.api.instance;

import dev.shoal.api.replication.ReplicaService;
import dev.shoal.api.secgroup.RequestedAccess;
import dev.shoal.api.secgroup.SecurityGroups;
import dev.shoal.api.system.ApiException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trove's {@code PUT /instances/{id}}: a new {@code name}, {@code configuration} (an id attaches, null detaches),
 * {@code replica_of: null} (the seed's {@code slave_of}; detaches a replica) or {@code access} (the node's
 * security group). Only the members present change, and, as in Trove, a configuration change, a detach and an
 * access change are never made by one request.
 */
@Component
class InstanceUpdate {

    private static final Set<String> UPDATABLE = Set.of("name", "configuration", "replica_of", "slave_of", "access");

    private final InstanceLookup instances;
    private final InstanceChanges changes;
    private final ReplicaService replicas;
    private final SecurityGroups securityGroups;
    private final Clock clock;

    InstanceUpdate(InstanceLookup instances, InstanceChanges changes, ReplicaService replicas,
                   SecurityGroups securityGroups, Clock clock) {
        this.instances = instances;
        this.changes = changes;
        this.replicas = replicas;
        this.securityGroups = securityGroups;
        this.clock = clock;
    }

    @Transactional
    void apply(String tenantId, UUID id, Map<String, Object> instance) {
        if (instance == null) {
            throw ApiException.invalid("instance", "is required");
        }
        instance.keySet().stream().filter(key -> !UPDATABLE.contains(key)).findFirst().ifPresent(key -> {
            throw ApiException.invalid("instance." + key, "cannot be updated; one of " + UPDATABLE);
        });
        String detachField = instance.containsKey("replica_of") ? "replica_of"
                : instance.containsKey("slave_of") ? "slave_of" : null;
        if (detachField != null && instance.get(detachField) != null) {
            throw ApiException.invalid("instance." + detachField, "can only be null, which detaches the replica;"
                    + " new replicas are made with POST /instances");
        }
        if (detachField != null && instance.containsKey("configuration")) {
            throw ApiException.invalid("instance.configuration", "cannot change with a detach in one request");
        }
        if (instance.containsKey("access") && (detachField != null || instance.containsKey("configuration"))) {
            // Trove's rule too: an access change, a configuration change and a detach are separate requests
            throw ApiException.invalid("instance.access", "cannot change with a configuration or a detach in one"
                    + " request");
        }
        RequestedAccess access = instance.containsKey("access")
                ? RequestedAccess.fromBody("instance.access", instance.get("access")) : null;
        if (instance.containsKey("name")) {
            rename(tenantId, id, instance.get("name"));
        }
        if (instance.containsKey("configuration")) {
            Object configuration = instance.get("configuration");
            if (configuration != null && !(configuration instanceof String)) {
                throw ApiException.invalid("instance.configuration", "must be the id of a configuration group, or"
                        + " null to detach it");
            }
            changes.configure(tenantId, id, (String) configuration);
        }
        if (detachField != null) {
            replicas.detach(tenantId, id);
        }
        if (access != null) {
            securityGroups.changeAccess(tenantId, id, access);
        }
    }

    private void rename(String tenantId, UUID id, Object name) {
        if (!(name instanceof String text) || text.isBlank()) {
            throw ApiException.invalid("instance.name", "must be a non-blank string");
        }
        if (text.length() > CreateInstanceValidator.MAX_NAME_LENGTH) {
            throw ApiException.invalid("instance.name", "must be at most " + CreateInstanceValidator.MAX_NAME_LENGTH
                    + " characters");
        }
        instances.find(tenantId, id).rename(text.strip(), clock.instant());
    }
}
