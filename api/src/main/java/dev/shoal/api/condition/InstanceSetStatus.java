package dev.shoal.api.condition;

import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.failover.ReplicationSets;
import dev.shoal.domain.failover.ReplicationSets.InstanceSet;
import dev.shoal.domain.failover.ReplicationSets.Member;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
        Optional<InstanceSet> set = instance.isReplica() || hasReplicas ? sets.of(instance.getId()) : Optional.empty();
        return of(instance, node, set.map(found -> new Judged(found, conditions.of(found))));
    }

    /**
     * A page's instances, their sets read together so the page costs the same few queries whatever its size.
     *
     * @param nodeOf       each instance's node, by instance id
     * @param withReplicas the instances that others follow, as the page already read
     */
    public Map<UUID, SetStatus> ofEach(Collection<Instance> instances, Map<UUID, Node> nodeOf,
                                       Collection<UUID> withReplicas) {
        Map<UUID, InstanceSet> setOf = sets.ofEach(instances.stream()
                .filter(instance -> instance.isReplica() || withReplicas.contains(instance.getId()))
                .map(Instance::getId).toList());
        Map<UUID, Instant> syncSince = conditions.syncSince(setOf.values());
        // members of one set on the same page share its judgement
        Map<InstanceSet, Judged> judged = setOf.values().stream().distinct().collect(Collectors.toMap(
                Function.identity(), set -> new Judged(set, conditions.of(set,
                        syncSince.get(set.master().nodeId())))));
        return instances.stream().collect(Collectors.toMap(Instance::getId, instance -> of(instance,
                nodeOf.get(instance.getId()), Optional.ofNullable(setOf.get(instance.getId())).map(judged::get))));
    }

    private SetStatus of(Instance instance, Node node, Optional<Judged> set) {
        DatastoreDescriptor datastore = catalog.descriptor(instance.getDatastoreVersionId());
        if (set.isEmpty()) {
            return new SetStatus(Endpoints.of(node.getIp(), List.of(), datastore.clientPort()), null,
                    datastore.roles().contains(Role.MASTER) ? instance.isAutoFailover() : null);
        }
        InstanceSet members = set.get().set();
        return new SetStatus(Endpoints.of(members.master().address(), members.replicas().stream()
                .map(Member::address).toList(), datastore.clientPort()), set.get().conditions(),
                members.autoFailover());
    }

    private record Judged(InstanceSet set, List<Condition> conditions) {
    }
}
