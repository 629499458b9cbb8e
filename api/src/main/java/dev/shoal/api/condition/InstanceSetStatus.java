package dev.shoal.api.condition;

import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.failover.ReplicationSets;
import dev.shoal.domain.failover.ReplicationSets.InstanceSet;
import dev.shoal.domain.failover.ReplicationSets.Member;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An instance's endpoints and conditions: those of its replication set when it is in one (every member shows the same),
 * else its own address as the writer.
 */
@Component
public class InstanceSetStatus {

    private final ReplicationSets sets;
    private final ReplicationSetConditions conditions;
    private final CatalogReferences catalog;

    InstanceSetStatus(ReplicationSets sets, ReplicationSetConditions conditions, CatalogReferences catalog) {
        this.sets = sets;
        this.conditions = conditions;
        this.catalog = catalog;
    }

    /** @param hasReplicas whether instances follow it, as its view already read */
    public SetStatus of(Instance instance, Node node, boolean hasReplicas) {
        DatastoreDescriptor datastore = catalog.descriptor(instance.getDatastoreVersionId());
        Optional<InstanceSet> set = instance.isReplica() || hasReplicas ? sets.of(instance.getId()) : Optional.empty();
        if (set.isEmpty()) {
            return new SetStatus(Endpoints.of(node.getIp(), List.of(), datastore.clientPort()), null,
                    datastore.roles().contains(Role.MASTER) ? instance.isAutoFailover() : null);
        }
        InstanceSet members = set.get();
        return new SetStatus(Endpoints.of(members.master().address(), members.replicas().stream()
                .map(Member::address).toList(), datastore.clientPort()), conditions.of(members),
                members.autoFailover());
    }
}
