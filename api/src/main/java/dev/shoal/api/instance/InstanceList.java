package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.secgroup.AccessView;
import dev.shoal.api.secgroup.AccessViews;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Trove's instance list: keyset pages of a tenant's instances, with or without its clusters' nodes. */
@Component
class InstanceList {

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final TaskRepository tasks;
    private final InstanceViews views;
    private final AccessViews access;
    private final ApiProperties properties;

    InstanceList(InstanceRepository instances, NodeRepository nodes, ServiceStatusRepository statuses,
                 TaskRepository tasks, InstanceViews views, AccessViews access, ApiProperties properties) {
        this.instances = instances;
        this.nodes = nodes;
        this.statuses = statuses;
        this.tasks = tasks;
        this.views = views;
        this.access = access;
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
        Map<UUID, InstanceView> standaloneViews = views(shown.stream().filter(Instance.class::isInstance)
                .map(Instance.class::cast).toList()).stream()
                .collect(Collectors.toMap(InstanceView::id, Function.identity()));
        List<InstanceView> page = shown.stream().map(row -> row instanceof Node node
                ? views.clusterNode(node, statuses.findById(node.getId()), Optional.empty())
                : standaloneViews.get(((Instance) row).getId())).toList();
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

    /** A page's nodes, statuses and tasks in three queries, whatever its size. */
    private List<InstanceView> views(List<Instance> page) {
        List<UUID> ids = page.stream().map(Instance::getId).toList();
        Map<UUID, Node> nodeOf = nodes.findAllByInstanceIdInAndDeletedAtIsNull(ids).stream()
                .collect(Collectors.toMap(Node::getInstanceId, Function.identity(), InstanceList::newer));
        Map<UUID, ServiceStatusRecord> statusOf = statuses.findAllByNodeIdIn(
                nodeOf.values().stream().map(Node::getId).toList()).stream()
                .collect(Collectors.toMap(ServiceStatusRecord::getNodeId, Function.identity()));
        Map<UUID, Task> taskOf = tasks.findLatestOf(ids).stream()
                .collect(Collectors.toMap(Task::getResourceId, Function.identity(), (a, b) -> a));
        Map<UUID, AccessView> accessOf = access.ofNodes(nodeOf.values().stream().map(Node::getId).toList());
        Map<UUID, List<UUID>> replicasOf = instances.findAllBySlaveOfInAndDeletedAtIsNull(ids).stream()
                .sorted(java.util.Comparator.comparing(Instance::getCreated))
                .collect(Collectors.groupingBy(Instance::getSlaveOf,
                        Collectors.mapping(Instance::getId, Collectors.toList())));
        return page.stream().map(instance -> {
            Node node = nodeOf.get(instance.getId());
            return views.view(instance, node, Optional.ofNullable(statusOf.get(node.getId())),
                    Optional.ofNullable(taskOf.get(instance.getId())),
                    replicasOf.getOrDefault(instance.getId(), List.of()), accessOf.get(node.getId()));
        }).toList();
    }

    private static Node newer(Node a, Node b) {
        return a.getCreated().isAfter(b.getCreated()) ? a : b;
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
