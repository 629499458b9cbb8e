package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every tenant's instances, for operators (Trove's management API): keyset pages as tenants' lists are. */
@Component
class ManagedInstances {

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final InstancePageViews pageViews;
    private final InstanceLookup lookup;
    private final ApiProperties properties;

    ManagedInstances(InstanceRepository instances, NodeRepository nodes, InstancePageViews pageViews,
                     InstanceLookup lookup, ApiProperties properties) {
        this.instances = instances;
        this.nodes = nodes;
        this.pageViews = pageViews;
        this.lookup = lookup;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    Page list(Integer limit, String marker) {
        int size = properties.pageSize(limit);
        Instance after = marker == null ? null : instances.findByIdAndDeletedAtIsNull(uuid(marker, "marker"))
                .orElseThrow(() -> ApiException.invalid("marker", "no instance " + marker + " to continue after"));
        Instant afterCreated = after == null ? null : after.getCreated();
        UUID afterId = after == null ? null : after.getId();
        List<Instance> found = instances.findPageOfAllTenants(afterCreated, afterId, Limit.of(size + 1));
        boolean more = found.size() > size;
        List<Instance> shown = more ? found.subList(0, size) : found;
        // an instance whose node is gone while the instance row is not (a delete interrupted between the two) has
        // nothing to show; the page still continues after it
        Set<UUID> withNode = shown.isEmpty() ? Set.of() : nodes.findAllByInstanceIdInAndDeletedAtIsNull(
                shown.stream().map(Instance::getId).toList()).stream().map(Node::getInstanceId)
                .collect(Collectors.toSet());
        List<Instance> viewable = shown.stream().filter(instance -> withNode.contains(instance.getId())).toList();
        List<InstanceView> views = pageViews.of(new ArrayList<>(viewable));
        List<ManagedInstanceView> page = new ArrayList<>();
        for (int i = 0; i < viewable.size(); i++) {
            page.add(ManagedInstanceView.of(views.get(i), viewable.get(i)));
        }
        return new Page(page, more ? shown.get(size - 1).getId() : null);
    }

    @Transactional(readOnly = true)
    ManagedInstanceView show(UUID id) {
        Instance instance = instances.findByIdAndDeletedAtIsNull(id)
                .orElseThrow(() -> ApiException.notFound("instance " + id));
        return ManagedInstanceView.of(lookup.view(instance), instance);
    }

    /** The tenant an instance belongs to, for actions taken in its tenant's name. */
    @Transactional(readOnly = true)
    String tenantOf(UUID id) {
        return instances.findByIdAndDeletedAtIsNull(id).map(Instance::getTenantId)
                .orElseThrow(() -> ApiException.notFound("instance " + id));
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be the id of an instance");
        }
    }

    record Page(List<ManagedInstanceView> instances, UUID nextMarker) {
    }
}
