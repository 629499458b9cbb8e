package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Trove's instance list: keyset pages of a tenant's instances, with or without its clusters' nodes. */
@Component
class InstanceList {

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final InstancePageViews pageViews;
    private final ApiProperties properties;

    InstanceList(InstanceRepository instances, NodeRepository nodes, InstancePageViews pageViews,
                 ApiProperties properties) {
        this.instances = instances;
        this.nodes = nodes;
        this.pageViews = pageViews;
        this.properties = properties;
    }

    /**
     * One keyset page ordered by (created, id). With {@code includeClustered} the page runs over instances and
     * clusters' nodes together, as Trove lists them, so a marker from either continues the same order.
     */
    @Transactional(readOnly = true)
    Page list(String tenantId, Integer limit, String marker, boolean includeClustered) {
        int size = properties.pageSize(limit);
        Position after = marker == null ? null : position(tenantId, marker, includeClustered);
        java.time.Instant afterCreated = after == null ? null : after.created();
        UUID afterId = after == null ? null : after.id();
        List<Instance> standalone = instances.findPage(tenantId, afterCreated, afterId, Limit.of(size + 1));
        List<Node> members = includeClustered
                ? nodes.findClusterPage(tenantId, afterCreated, afterId, Limit.of(size + 1)) : List.of();
        List<Object> merged = new java.util.ArrayList<>(standalone);
        merged.addAll(members);
        merged.sort(java.util.Comparator.comparing(InstanceList::positionOf, Position.ORDER));
        boolean more = merged.size() > size;
        List<Object> shown = more ? merged.subList(0, size) : merged;
        List<InstanceView> page = pageViews.of(shown);
        return new Page(page, more ? positionOf(shown.get(size - 1)).id() : null);
    }

    private static Position positionOf(Object row) {
        return row instanceof Node node ? new Position(node.getCreated(), node.getId())
                : new Position(((Instance) row).getCreated(), ((Instance) row).getId());
    }

    private record Position(java.time.Instant created, UUID id) {
        static final java.util.Comparator<Position> ORDER = java.util.Comparator.comparing(Position::created)
                .thenComparing(Position::id);
    }

    private Position position(String tenantId, String marker, boolean includeClustered) {
        UUID id;
        try {
            id = UUID.fromString(marker);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("marker", "must be the id of an instance");
        }
        Optional<Position> instance = instances.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId)
                .map(InstanceList::positionOf);
        Optional<Position> member = includeClustered ? nodes.findByIdAndTenantIdAndClusterIdIsNotNullAndDeletedAtIsNull(id, tenantId).map(InstanceList::positionOf)
                : Optional.empty();
        return instance.or(() -> member)
                .orElseThrow(() -> ApiException.invalid("marker", "no instance " + marker + " to continue after"));
    }

    record Page(List<InstanceView> instances, UUID nextMarker) {
    }
}
