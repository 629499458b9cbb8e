package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the desired state and its task in one transaction and answers at once; the task leaves through the
 * outbox after commit, so a request either happened completely or not at all.
 */
@Service
class InstanceService {

    static final String RESOURCE_TYPE = "instance";

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final TaskRepository tasks;
    private final CatalogReferences catalog;
    private final dev.shoal.domain.catalog.DatastoreVersionRepository versions;
    private final dev.shoal.api.configuration.ConfigurationApplier applier;
    private final tools.jackson.databind.json.JsonMapper json;
    private final TaskScheduler scheduler;
    private final InstanceViews views;
    private final ReplicaService replicas;
    private final ApiProperties properties;
    private final Clock clock;

    InstanceService(InstanceRepository instances, NodeRepository nodes, ServiceStatusRepository statuses,
                    TaskRepository tasks, CatalogReferences catalog,
                    dev.shoal.domain.catalog.DatastoreVersionRepository versions,
                    dev.shoal.api.configuration.ConfigurationApplier applier, tools.jackson.databind.json.JsonMapper json,
                    TaskScheduler scheduler,
                    InstanceViews views, @org.springframework.context.annotation.Lazy ReplicaService replicas,
                    ApiProperties properties, Clock clock) {
        this.instances = instances;
        this.nodes = nodes;
        this.statuses = statuses;
        this.tasks = tasks;
        this.catalog = catalog;
        this.versions = versions;
        this.applier = applier;
        this.json = json;
        this.scheduler = scheduler;
        this.views = views;
        this.replicas = replicas;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    InstanceView create(String tenantId, CreateInstanceRequest request) {
        CreateInstanceValidator.validate(request, properties.minVolumeGb(), properties.maxVolumeGb());
        CreateInstanceRequest.Body body = request.instance();
        String flavorId = catalog.flavor(body.flavorRef(), "instance.flavorRef");
        if (body.slave() != null) {
            return view(replicas.createReplica(tenantId, body, flavorId));
        }
        DatastoreVersion version = version(body.datastore());
        UUID configurationId = catalog.configuration(tenantId, body.configuration(), version,
                "instance.configuration");
        Instance instance = instances.save(new Instance(tenantId, body.name().strip(), version.getId(), flavorId,
                body.volume().size(), configurationId, clock.instant()));
        Node node = nodes.save(Node.forInstance(instance.getId(), tenantId, instance.getName(), version.getId(),
                flavorId, instance.getVolumeSize(), configurationId, clock.instant()));
        Task task = schedule(tenantId, TaskKind.CREATE_INSTANCE, instance.getId(), null, properties.buildTimeout());
        return views.view(instance, node, Optional.empty(), Optional.of(task), List.of());
    }

    @Transactional(readOnly = true)
    Page list(String tenantId, Integer limit, String marker) {
        int size = limit == null ? properties.defaultPageSize() : limit;
        if (size < 1 || size > properties.maxPageSize()) {
            throw ApiException.invalid("limit", "must be between 1 and " + properties.maxPageSize());
        }
        Instance after = marker == null ? null : markerInstance(tenantId, marker);
        List<Instance> page = instances.findPage(tenantId, after == null ? null : after.getCreated(),
                after == null ? null : after.getId(), Limit.of(size + 1));
        boolean more = page.size() > size;
        List<Instance> shown = more ? page.subList(0, size) : page;
        return new Page(views(shown), more ? shown.get(size - 1).getId() : null);
    }

    /** A page's nodes, statuses and tasks in three queries, whatever its size. */
    private List<InstanceView> views(List<Instance> page) {
        List<UUID> ids = page.stream().map(Instance::getId).toList();
        Map<UUID, Node> nodeOf = nodes.findAllByInstanceIdInAndDeletedAtIsNull(ids).stream()
                .collect(Collectors.toMap(Node::getInstanceId, Function.identity(), InstanceService::newer));
        Map<UUID, ServiceStatusRecord> statusOf = statuses.findAllByNodeIdIn(
                nodeOf.values().stream().map(Node::getId).toList()).stream()
                .collect(Collectors.toMap(ServiceStatusRecord::getNodeId, Function.identity()));
        Map<UUID, Task> taskOf = tasks.findLatestOf(ids).stream()
                .collect(Collectors.toMap(Task::getResourceId, Function.identity(), (a, b) -> a));
        Map<UUID, List<UUID>> replicasOf = instances.findAllBySlaveOfInAndDeletedAtIsNull(ids).stream()
                .sorted(java.util.Comparator.comparing(Instance::getCreated))
                .collect(Collectors.groupingBy(Instance::getSlaveOf,
                        Collectors.mapping(Instance::getId, Collectors.toList())));
        return page.stream().map(instance -> {
            Node node = nodeOf.get(instance.getId());
            return views.view(instance, node, Optional.ofNullable(statusOf.get(node.getId())),
                    Optional.ofNullable(taskOf.get(instance.getId())),
                    replicasOf.getOrDefault(instance.getId(), List.of()));
        }).toList();
    }

    private static Node newer(Node a, Node b) {
        return a.getCreated().isAfter(b.getCreated()) ? a : b;
    }

    @Transactional(readOnly = true)
    InstanceView show(String tenantId, UUID id) {
        return view(find(tenantId, id));
    }

    /**
     * Deleting what is already being deleted changes nothing and answers the same. A master keeps its replicas
     * from being orphaned: it is deleted only when asked to detach them first.
     */
    @Transactional
    void delete(String tenantId, UUID id, boolean detachReplicas) {
        Instance instance = find(tenantId, id);
        Node node = node(instance);
        if (node.getTask() == NodeTask.DELETING) {
            return;
        }
        if (node.getTask() == NodeTask.PROMOTING || node.getTask() == NodeTask.EJECTING) {
            // its replica set is changing masters: a member gone midway would leave the others half re-pointed
            throw ApiException.conflict("instance " + id + " is " + node.getTask() + " with its replica set;"
                    + " delete it once it is ACTIVE");
        }
        replicas.beforeMasterDelete(instance, detachReplicas);
        node.startTask(NodeTask.DELETING, "Deleting the instance", clock.instant());
        instance.touch(clock.instant());
        schedule(tenantId, TaskKind.DELETE_INSTANCE, id, null, properties.deleteTimeout());
    }

    /** Attaches the named configuration group, or detaches with a null or blank reference; the guest follows. */
    @Transactional
    void configure(String tenantId, UUID id, String configuration) {
        Instance instance = find(tenantId, id);
        if (configuration == null || configuration.isBlank()) {
            catalog.require(instance.getDatastoreVersionId(), "configuration-detach", false);
            instance.configuration(null, clock.instant());
        } else {
            catalog.require(instance.getDatastoreVersionId(), "configuration-attach", false);
            var version = versions.findById(instance.getDatastoreVersionId()).orElseThrow();
            instance.configuration(catalog.configuration(tenantId, configuration, version, "instance.configuration"),
                    clock.instant());
        }
        applier.apply(instance);
    }

    @Transactional(readOnly = true)
    Map<String, Object> runningConfiguration(String tenantId, UUID id) {
        String running = node(find(tenantId, id)).getRunningConfiguration();
        return running == null ? Map.of() : json.readValue(running, new tools.jackson.core.type.TypeReference<>() { });
    }

    /** Restarts the datastore; what a configuration group left for a restart takes effect. */
    @Transactional
    void restart(String tenantId, UUID id) {
        Instance instance = find(tenantId, id);
        Node node = node(instance);
        if (node.getTask() != NodeTask.NONE && node.getTask() != NodeTask.RESTART_REQUIRED) {
            throw ApiException.conflict("instance " + id + " is busy (" + node.getTask() + "); restart it once it"
                    + " is ACTIVE");
        }
        node.startTask(NodeTask.REBOOTING, "Restarting the datastore", clock.instant());
        instance.touch(clock.instant());
        schedule(tenantId, TaskKind.RESTART_INSTANCE, id, null, properties.buildTimeout());
    }

    Instance find(String tenantId, UUID id) {
        return instances.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId)
                .orElseThrow(() -> ApiException.notFound("instance " + id));
    }

    Node node(Instance instance) {
        return nodes.findFirstByInstanceIdOrderByCreatedDesc(instance.getId()).orElseThrow();
    }

    Task schedule(String tenantId, TaskKind kind, UUID instanceId, String parameters, Duration timeout) {
        return scheduler.schedule(tenantId, kind, RESOURCE_TYPE, instanceId, parameters, timeout);
    }

    InstanceView view(Instance instance) {
        Node node = node(instance);
        return views.view(instance, node, statuses.findById(node.getId()), task(instance),
                instances.findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(instance.getId()).stream()
                        .map(Instance::getId).toList());
    }

    /** A replica is built by its master's replica task until a task of its own follows. */
    private Optional<Task> task(Instance instance) {
        Optional<Task> own = tasks.findFirstByResourceIdOrderByCreatedDesc(instance.getId());
        if (!instance.isReplica()) {
            return own;
        }
        Optional<Task> build = tasks.findFirstByResourceIdAndKindAndParametersContainingOrderByCreatedDesc(
                instance.getSlaveOf(), TaskKind.CREATE_REPLICAS, instance.getId().toString());
        return own.isPresent() && build.map(b -> b.getCreated().isBefore(own.get().getCreated())).orElse(true)
                ? own : build;
    }

    private Instance markerInstance(String tenantId, String marker) {
        try {
            return instances.findByIdAndTenantIdAndDeletedAtIsNull(UUID.fromString(marker), tenantId)
                    .orElseThrow(() -> ApiException.invalid("marker", "no instance " + marker + " to continue after"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("marker", "must be the id of an instance");
        }
    }

    DatastoreVersion version(CreateInstanceRequest.Datastore requested) {
        return catalog.version(requested.type(), requested.version(), "instance.datastore");
    }

    record Page(List<InstanceView> instances, UUID nextMarker) {
    }
}
