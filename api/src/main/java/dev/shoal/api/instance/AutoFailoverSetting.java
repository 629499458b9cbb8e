package dev.shoal.api.instance;

import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A replication set's {@code auto_failover}. The set has one setting, so it is changed through any of its members and
 * written on every one: whichever replica a promotion or a failover makes master carries it on.
 */
@Component
class AutoFailoverSetting {

    static final String FIELD = "instance.auto_failover";

    private final InstanceRepository instances;
    private final CatalogReferences catalog;
    private final Clock clock;

    AutoFailoverSetting(InstanceRepository instances, CatalogReferences catalog, Clock clock) {
        this.instances = instances;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @throws ApiException 400 naming the field when the value is not a boolean */
    static boolean parse(Object value) {
        if (!(value instanceof Boolean on)) {
            throw ApiException.invalid(FIELD, "must be true or false");
        }
        return on;
    }

    /** @throws ApiException 422 naming the field when the datastore has no master to fail over */
    static void requireMaster(DatastoreDescriptor datastore) {
        if (!datastore.roles().contains(Role.MASTER)) {
            throw ApiException.inconsistent(FIELD + ": " + datastore.displayName() + " has no master to fail over",
                    List.of(new ApiException.FieldProblem(FIELD, "applies only to a datastore with replicas")));
        }
    }

    void change(Instance member, boolean on) {
        requireMaster(catalog.descriptor(member.getDatastoreVersionId()));
        UUID masterId = member.isReplica() ? member.getSlaveOf() : member.getId();
        List<Instance> set = new ArrayList<>(instances.findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(masterId));
        instances.findById(masterId).ifPresent(set::add);
        set.forEach(instance -> instance.autoFailover(on, clock.instant()));
    }
}
