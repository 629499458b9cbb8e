package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.RootPassword;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.Ability;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.cluster.ClusterRepository;
import dev.shoal.domain.cluster.ClusterTask;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's clusters: the desired state and its task in one transaction, answered at once. One change at a time
 * per cluster: a request while another change runs is a 409.
 */
@Service
class ClusterService {

    static final String RESOURCE_TYPE = "cluster";

    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final TaskRepository tasks;
    private final CatalogReferences catalog;
    private final TaskScheduler scheduler;
    private final ClusterViews views;
    private final dev.shoal.api.quota.Quotas quotas;
    private final dev.shoal.api.configuration.NodeConfigurationGroups nodeGroups;
    private final dev.shoal.api.secgroup.SecurityGroups securityGroups;
    private final ClusterMembership membership;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final Clock clock;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    ClusterService(dev.shoal.api.quota.Quotas quotas, dev.shoal.api.configuration.NodeConfigurationGroups nodeGroups,
                   ClusterRepository clusters, NodeRepository nodes, ServiceStatusRepository statuses, TaskRepository tasks, CatalogReferences catalog, TaskScheduler scheduler, ClusterViews views,
                   ClusterMembership membership, dev.shoal.api.secgroup.SecurityGroups securityGroups, JsonMapper json,
                   ApiProperties properties, Clock clock) {
        this.securityGroups = securityGroups;
        this.quotas = quotas;
        this.nodeGroups = nodeGroups;
        this.clusters = clusters;
        this.nodes = nodes;
        this.statuses = statuses;
        this.tasks = tasks;
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.views = views;
        this.membership = membership;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    ClusterView create(String tenantId, ClusterRequests.Create request) {
        ClusterRequests.CreateBody body = ClusterRules.validate(request, properties.minVolumeGb(),
                properties.maxVolumeGb(), properties.maxClusterSize());
        DatastoreVersion version = catalog.version(body.datastore().type(), body.datastore().version(),
                "cluster.datastore");
        DatastoreDescriptor datastore = catalog.descriptor(version, Ability.CLUSTERS, "cluster.datastore.type");
        String flavorId = catalog.flavor(body.flavorRef(), "cluster.flavorRef");
        UUID configurationId = catalog.configuration(tenantId, body.configuration(), version, "cluster.configuration");
        int size = body.size() != null ? body.size() : body.nodes().size();
        List<ClusterRequests.Allocation> allocations = ClusterRules.allocations(body.nodes(), size, "cluster.nodes",
                datastore, Set.copyOf(properties.regions()), properties.defaultRegion());
        membership.checkComposition(datastore, allocations, "cluster.nodes");
        quotas.reserve(tenantId, allocations.size(), (long) allocations.size() * body.volume().size());
        Cluster cluster = clusters.save(new Cluster(tenantId, body.name().strip(), version.getId(), flavorId,
                body.volume().size(), configurationId, clock.instant()));
        List<Node> created = addNodes(cluster, allocations, 0);
        Task task = scheduler.schedule(tenantId, TaskKind.CREATE_CLUSTER, RESOURCE_TYPE, cluster.getId(),
                nodeIds(created), properties.buildTimeout());
        return views.view(cluster, created, Map.of(), Optional.of(task));
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
                .sorted(java.util.Comparator.comparing(Node::getCreated))
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
        return running == null ? Map.of() : json.readValue(running, new tools.jackson.core.type.TypeReference<>() { });
    }

    /** Deleting what is already being deleted changes nothing and answers the same. */
    @Transactional
    void delete(String tenantId, UUID id) {
        Cluster cluster = find(tenantId, id);
        if (cluster.getTask() == ClusterTask.DELETING) {
            return;
        }
        cluster.startTask(ClusterTask.DELETING, "Deleting the cluster", clock.instant());
        members(cluster).forEach(node -> node.startTask(NodeTask.DELETING, "Deleting the cluster", clock.instant()));
        scheduler.schedule(tenantId, TaskKind.DELETE_CLUSTER, RESOURCE_TYPE, id, null, properties.deleteTimeout());
    }

    @Transactional
    List<ClusterView.NodeView> grow(String tenantId, UUID id, ClusterRequests.AddNodes request) {
        Cluster cluster = idle(find(tenantId, id));
        List<Node> members = members(cluster);
        List<ClusterRequests.Allocation> allocations = membership.growth(request, members, datastore(cluster));
        if (members.size() + allocations.size() > properties.maxClusterSize()) {
            throw ApiException.inconsistent("nodes.num: the cluster would have " + (members.size()
                    + allocations.size()) + " nodes; at most " + properties.maxClusterSize(),
                    List.of(new ApiException.FieldProblem("nodes.num", "too many nodes")));
        }
        quotas.reserve(tenantId, allocations.size(), (long) allocations.size() * cluster.getVolumeSize());
        cluster.startTask(ClusterTask.GROWING, "Adding " + allocations.size() + " node(s)", clock.instant());
        List<Node> added = addNodes(cluster, allocations, nodes.countByClusterId(cluster.getId()));
        scheduler.schedule(tenantId, TaskKind.GROW_CLUSTER, RESOURCE_TYPE, id, nodeIds(added),
                properties.buildTimeout());
        return added.stream().map(node -> views.node(node, null)).toList();
    }

    @Transactional
    void removeNode(String tenantId, UUID id, UUID nodeId) {
        Cluster cluster = idle(find(tenantId, id));
        List<Node> members = members(cluster);
        Node node = member(cluster, nodeId);
        membership.checkRemoval(datastore(cluster), members, node);
        cluster.startTask(ClusterTask.SHRINKING, "Removing node " + node.getName(), clock.instant());
        node.startTask(NodeTask.DELETING, "Leaving the cluster", clock.instant());
        scheduler.schedule(tenantId, TaskKind.SHRINK_CLUSTER, RESOURCE_TYPE, id, nodeIds(List.of(node)),
                properties.deleteTimeout().plus(properties.buildTimeout()));
    }

    /**
     * Trove's reset-status, for a cluster left in {@code ERROR}: the fault and the nodes' error tasks are cleared
     * and the status is what the nodes report again. A task still running is never reset under its feet: it ends
     * by itself, done or failed, by its deadline.
     */
    @Transactional
    void resetStatus(String tenantId, UUID id) {
        Cluster cluster = find(tenantId, id);
        tasks.findFirstByResourceIdOrderByCreatedDesc(id).filter(task -> !task.getState().isFinished())
                .ifPresent(task -> {
                    throw ApiException.conflict("cluster " + id + " has its " + task.getKind() + " task running (step "
                            + task.getStep() + "); it ends by itself by " + task.getDeadline());
                });
        cluster.finishTask(clock.instant());
        members(cluster).stream().filter(node -> node.getTask().isError())
                .forEach(node -> node.finishTask(clock.instant()));
    }

    /** A new node in the old one's region and role takes its place and data; then the old one goes. */
    @Transactional
    ClusterView.NodeView replaceNode(String tenantId, UUID id, UUID nodeId) {
        Cluster cluster = idle(find(tenantId, id));
        Node old = member(cluster, nodeId);
        membership.checkReplacement(datastore(cluster), members(cluster), old);
        cluster.startTask(ClusterTask.REPLACING, "Replacing node " + old.getName(), clock.instant());
        Node replacement = addNodes(cluster, List.of(new ClusterRequests.Allocation(old.getRegion(), old.getType())),
                nodes.countByClusterId(cluster.getId())).get(0);
        scheduler.schedule(tenantId, TaskKind.REPLACE_CLUSTER_NODE, RESOURCE_TYPE, id,
                json.writeValueAsString(Map.of("nodes", List.of(replacement.getId()), "replaces", old.getId())),
                properties.buildTimeout().plus(properties.deleteTimeout()));
        return views.node(replacement, null);
    }

    /** Trove's cluster restart, one node at a time; what a configuration group left for a restart takes effect. */
    @Transactional
    void restart(String tenantId, UUID id) {
        Cluster cluster = idle(find(tenantId, id));
        cluster.startTask(ClusterTask.RESTARTING, "Restarting every node, one at a time", clock.instant());
        scheduler.schedule(tenantId, TaskKind.RESTART_CLUSTER, RESOURCE_TYPE, id, null, properties.buildTimeout());
    }

    /** Trove's cluster root enable: one fresh password, returned once, sealed for each node on its way. */
    @Transactional
    RootPassword enableRoot(String tenantId, UUID id) {
        Cluster cluster = find(tenantId, id);
        catalog.require(cluster.getDatastoreVersionId(), "root-enable", true);
        String status = show(tenantId, id).status();
        if (!"ACTIVE".equals(status)) {
            throw ApiException.conflict("cluster " + id + " is " + status + "; root can be enabled once it is ACTIVE");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, String> sealed = new java.util.HashMap<>();
        members(cluster).forEach(node -> sealed.put(node.getId().toString(),
                dev.shoal.contracts.SecretBox.seal(node.secret().orElseThrow(), password)));
        Task task = scheduler.schedule(tenantId, TaskKind.ENABLE_ROOT, RESOURCE_TYPE, id,
                json.writeValueAsString(Map.of("sealed", sealed)), properties.rootEnableTimeout());
        return new RootPassword(password, task.getId());
    }

    private List<Node> addNodes(Cluster cluster, List<ClusterRequests.Allocation> allocations, long existing) {
        List<Node> added = new java.util.ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            ClusterRequests.Allocation allocation = allocations.get(i);
            Node node = nodes.save(Node.forCluster(cluster.getId(), cluster.getTenantId(),
                    cluster.getName() + "-" + (existing + i + 1), allocation.type(), allocation.region(),
                    cluster.getDatastoreVersionId(), cluster.getFlavorId(), cluster.getVolumeSize(),
                    cluster.getConfigurationId(), clock.instant()));
            if (DatastoreDescriptor.ARBITER.equals(allocation.type())) {
                // the others take their part as the cluster forms
                node.takeRole(Role.ARBITER, clock.instant());
            }
            nodeGroups.create(node, cluster.getName(), manager(cluster));
            // a cluster's node is an instance to Trove's clients: its group is named after the node's own id
            securityGroups.open(node, node.getId(), manager(cluster), null);
            added.add(node);
        }
        return added;
    }

    private String nodeIds(List<Node> added) {
        return json.writeValueAsString(Map.of("nodes", added.stream().map(Node::getId).toList()));
    }

    private Cluster find(String tenantId, UUID id) {
        return clusters.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId)
                .orElseThrow(() -> ApiException.notFound("cluster " + id));
    }

    private static Cluster idle(Cluster cluster) {
        if (cluster.isBusy()) {
            throw ApiException.conflict("cluster " + cluster.getId() + " is " + cluster.getTask().status()
                    + "; one change at a time, retry once it is done");
        }
        return cluster;
    }

    private List<Node> members(Cluster cluster) {
        return nodes.findAllByClusterIdAndDeletedAtIsNullOrderByCreated(cluster.getId());
    }

    private Node member(Cluster cluster, UUID nodeId) {
        return members(cluster).stream().filter(node -> node.getId().equals(nodeId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("node " + nodeId + " of cluster " + cluster.getId()));
    }

    private String manager(Cluster cluster) {
        return catalog.manager(cluster.getDatastoreVersionId());
    }

    private DatastoreDescriptor datastore(Cluster cluster) {
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
