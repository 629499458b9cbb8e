package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.cluster.ClusterRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Finds a tenant's clusters and their nodes, and shows them; a cluster that is busy refuses another change. */
@Component
class ClusterLookup {

    static final String RESOURCE_TYPE = "cluster";

    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final TaskRepository tasks;
    private final CatalogReferences catalog;
    private final ClusterViews views;
    private final JsonMapper json;
    private final ApiProperties properties;

    ClusterLookup(ClusterRepository clusters, NodeRepository nodes, ServiceStatusRepository statuses,
                  TaskRepository tasks, CatalogReferences catalog, ClusterViews views, JsonMapper json,
                  ApiProperties properties) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.statuses = statuses;
        this.tasks = tasks;
        this.catalog = catalog;
        this.views = views;
        this.json = json;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    Page list(String tenantId, Integer limit, String marker) {
        int size = properties.pageSize(limit);
        Cluster after = marker == null ? null : marker(tenantId, marker);
        List<Cluster> page = clusters.findPage(tenantId, after == null ? null : after.getCreated(),
                after == null ? null : after.getId(), Limit.of(size + 1));
        boolean more = page.size() > size;
        List<Cluster> shown = more ? page.subList(0, size) : page;
        List<UUID> ids = shown.stream().map(Cluster::getId).toList();
        Map<UUID, List<Node>> nodesOf = nodes.findAllByClusterIdInAndDeletedAtIsNull(ids).stream()
                .sorted(Comparator.comparing(Node::getCreated))
                .collect(Collectors.groupingBy(Node::getClusterId));
        Map<UUID, ServiceStatusRecord> statusOf = statusesOf(nodesOf.values().stream().flatMap(List::stream).toList());
        Map<UUID, Task> taskOf = tasks.findLatestOf(ids).stream()
                .collect(Collectors.toMap(Task::getResourceId, Function.identity(), (a, b) -> a));
        return new Page(shown.stream().map(cluster -> views.view(cluster,
                nodesOf.getOrDefault(cluster.getId(), List.of()), statusOf,
                Optional.ofNullable(taskOf.get(cluster.getId())))).toList(), more ? shown.get(size - 1).getId() : null);
    }

    @Transactional(readOnly = true)
    ClusterView show(String tenantId, UUID id) {
        Cluster cluster = find(tenantId, id);
        List<Node> members = members(cluster);
        return views.view(cluster, members, statusesOf(members),
                tasks.findFirstByResourceIdOrderByCreatedDesc(cluster.getId()));
    }

    @Transactional(readOnly = true)
    ClusterView.NodeView showNode(String tenantId, UUID id, UUID nodeId) {
        Node node = member(find(tenantId, id), nodeId);
        return views.node(node, statuses.findById(node.getId()).orElse(null));
    }

    @Transactional(readOnly = true)
    Map<String, Object> runningConfiguration(String tenantId, UUID id, UUID nodeId) {
        String running = member(find(tenantId, id), nodeId).getRunningConfiguration();
        return running == null ? Map.of() : json.readValue(running, new TypeReference<>() { });
    }

    Cluster find(String tenantId, UUID id) {
        return clusters.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId)
                .orElseThrow(() -> ApiException.notFound("cluster " + id));
    }

    static Cluster idle(Cluster cluster) {
        if (cluster.isBusy()) {
            throw ApiException.conflict("cluster " + cluster.getId() + " is " + cluster.getTask().status()
                    + "; one change at a time, retry once it is done");
        }
        return cluster;
    }

    List<Node> members(Cluster cluster) {
        return nodes.findAllByClusterIdAndDeletedAtIsNullOrderByCreated(cluster.getId());
    }

    Node member(Cluster cluster, UUID nodeId) {
        return members(cluster).stream().filter(node -> node.getId().equals(nodeId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("node " + nodeId + " of cluster " + cluster.getId()));
    }

    String manager(Cluster cluster) {
        return catalog.manager(cluster.getDatastoreVersionId());
    }

    DatastoreDescriptor datastore(Cluster cluster) {
        return catalog.descriptor(cluster.getDatastoreVersionId());
    }

    private Map<UUID, ServiceStatusRecord> statusesOf(List<Node> members) {
        return statuses.findAllByNodeIdIn(members.stream().map(Node::getId).toList()).stream()
                .collect(Collectors.toMap(ServiceStatusRecord::getNodeId, Function.identity()));
    }

    private Cluster marker(String tenantId, String marker) {
        try {
            return clusters.findByIdAndTenantIdAndDeletedAtIsNull(UUID.fromString(marker), tenantId)
                    .orElseThrow(() -> ApiException.invalid("marker", "no cluster " + marker + " to continue after"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("marker", "must be the id of a cluster");
        }
    }

    record Page(List<ClusterView> clusters, UUID nextMarker) {
    }
}
