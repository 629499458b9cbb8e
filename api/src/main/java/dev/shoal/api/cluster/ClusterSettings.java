package dev.shoal.api.cluster;

import dev.shoal.api.system.ApiException;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.DatastoreDescriptor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code PATCH /clusters/{id}}: the settings that take effect without a task, today {@code auto_failover}. Allowed
 * while the cluster is busy, as no node is touched.
 */
@Component
class ClusterSettings {

    static final String AUTO_FAILOVER = "cluster.auto_failover";

    private final ClusterLookup clusters;
    private final Clock clock;

    ClusterSettings(ClusterLookup clusters, Clock clock) {
        this.clusters = clusters;
        this.clock = clock;
    }

    @Transactional
    void change(String tenantId, UUID id, Map<String, Object> cluster) {
        if (cluster == null || cluster.isEmpty()) {
            throw ApiException.invalid("cluster", "is required, with at least one member to change");
        }
        cluster.keySet().stream().filter(key -> !key.equals("auto_failover")).findFirst().ifPresent(key -> {
            throw ApiException.invalid("cluster." + key, "cannot be changed; one of [auto_failover]");
        });
        if (!(cluster.get("auto_failover") instanceof Boolean on)) {
            throw ApiException.invalid(AUTO_FAILOVER, "must be true or false");
        }
        var found = clusters.find(tenantId, id);
        requireMaster(clusters.datastore(found));
        found.autoFailover(on, clock.instant());
    }

    /** @throws ApiException 422 naming the field when the datastore's clusters have no master to fail over */
    static void requireMaster(DatastoreDescriptor datastore) {
        if (!datastore.roles().contains(Role.MASTER)) {
            throw ApiException.inconsistent(AUTO_FAILOVER + ": " + datastore.displayName() + " clusters have no"
                    + " master to fail over", List.of(new ApiException.FieldProblem(AUTO_FAILOVER,
                    "applies only to a cluster of a master and its replicas")));
        }
    }
}
