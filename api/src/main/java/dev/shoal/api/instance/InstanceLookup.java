package dev.shoal.api.instance;

import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds instances as the other use cases act on them (a cluster's node is refused where it must be changed through
 * its cluster), and shows them.
 */
@Service
public class InstanceLookup {

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final TaskRepository tasks;
    private final CatalogReferences catalog;
    private final InstanceViews views;
    private final JsonMapper json;
    private final InstanceRows rows;

    InstanceLookup(InstanceRepository instances, NodeRepository nodes, ServiceStatusRepository statuses,
                   TaskRepository tasks, CatalogReferences catalog, InstanceViews views, JsonMapper json,
                   InstanceRows rows) {
        this.rows = rows;
        this.instances = instances;
        this.nodes = nodes;
        this.statuses = statuses;
        this.tasks = tasks;
        this.catalog = catalog;
        this.views = views;
        this.json = json;
    }

    /** An instance, or a cluster's node: Trove's clients show a cluster's members as instances. */
    @Transactional(readOnly = true)
    InstanceView show(String tenantId, UUID id) {
        Optional<InstanceRows.Shown> shown = rows.shown(tenantId, id);
        if (shown.isPresent()) {
            Instance instance = shown.get().instance();
            return views.view(instance, shown.get().node(), shown.get().service(),
                    task(instance, shown.get().task()), replicaIds(instance));
        }
        Node node = clusterNode(tenantId, id).orElseThrow(() -> ApiException.notFound("instance " + id));
        return views.clusterNode(node, statuses.findById(node.getId()),
                tasks.findFirstByResourceIdOrderByCreatedDesc(node.getClusterId()));
    }

    @Transactional(readOnly = true)
    Map<String, Object> runningConfiguration(String tenantId, UUID id) {
        // reading what runs is no change: a cluster's node answers too
        String running = clusterNode(tenantId, id).orElseGet(() -> node(find(tenantId, id))).getRunningConfiguration();
        return running == null ? Map.of() : json.readValue(running, new TypeReference<>() { });
    }

    /** A standalone instance; a cluster's node is changed only through its cluster (422 saying where). */
    public Instance find(String tenantId, UUID id) {
        return instances.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId).orElseThrow(() ->
                clusterNode(tenantId, id).map(InstanceLookup::changedThroughCluster)
                        .orElseGet(() -> ApiException.notFound("instance " + id)));
    }

    /**
     * A standalone instance whose datastore version allows {@code capability}; aimed at a cluster's node, the
     * capability's cluster flag decides first, so a disabled one is refused by its name.
     */
    public Instance find(String tenantId, UUID id, String capability) {
        Optional<Node> member = clusterNode(tenantId, id);
        if (member.isPresent()) {
            catalog.require(member.get().getDatastoreVersionId(), capability, true);
            throw changedThroughCluster(member.get());
        }
        Instance instance = find(tenantId, id);
        catalog.require(instance.getDatastoreVersionId(), capability, false);
        return instance;
    }

    /** A cluster's node addressed as an instance, as Trove's clients do. */
    Optional<Node> clusterNode(String tenantId, UUID id) {
        return nodes.findByIdAndTenantIdAndClusterIdIsNotNullAndDeletedAtIsNull(id, tenantId);
    }

    private static ApiException changedThroughCluster(Node node) {
        return ApiException.inconsistent("instance " + node.getId() + " is a node of cluster " + node.getClusterId()
                + "; change it through /clusters/" + node.getClusterId(),
                List.of(new ApiException.FieldProblem("id", "is a node of cluster " + node.getClusterId())));
    }

    /** The manager (mysql, cassandra, mongodb) of the instance's datastore. */
    public String manager(Instance instance) {
        return catalog.manager(instance.getDatastoreVersionId());
    }

    public Node node(Instance instance) {
        return nodes.findFirstByInstanceIdOrderByCreatedDesc(instance.getId()).orElseThrow();
    }

    /** The status users see (ACTIVE, BUILD, ...), as the instance's view shows it. */
    public String status(Instance instance) {
        return view(instance).status();
    }

    InstanceView view(Instance instance) {
        Node node = node(instance);
        return views.view(instance, node, statuses.findById(node.getId()),
                task(instance, tasks.findFirstByResourceIdOrderByCreatedDesc(instance.getId())), replicaIds(instance));
    }

    private List<UUID> replicaIds(Instance instance) {
        return instances.findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(instance.getId()).stream()
                .map(Instance::getId).toList();
    }

    /**
     * A replica is built by its master's replica task until a task of its own follows.
     *
     * @param own the instance's own newest task
     */
    private Optional<Task> task(Instance instance, Optional<Task> own) {
        if (!instance.isReplica()) {
            return own;
        }
        Optional<Task> build = tasks.findFirstByResourceIdAndKindAndParametersContainingOrderByCreatedDesc(
                instance.getSlaveOf(), TaskKind.CREATE_REPLICAS, instance.getId().toString());
        return own.isPresent() && build.map(b -> b.getCreated().isBefore(own.get().getCreated())).orElse(true)
                ? own : build;
    }

    DatastoreVersion version(CreateInstanceRequest.Datastore requested) {
        return catalog.version(requested.type(), requested.version(), "instance.datastore");
    }

}
