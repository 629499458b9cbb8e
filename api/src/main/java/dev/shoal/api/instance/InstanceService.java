package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.secgroup.SecurityGroups;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.task.DeleteParameters;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.RestoreParameters;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the desired state and its task in one transaction and answers at once; the task leaves through the
 * outbox after commit, so a request either happened completely or not at all.
 */
@Service
public class InstanceService {

    static final String RESOURCE_TYPE = "instance";
    /** Trove's capability for managing security groups, which {@code access} is the modern form of. */
    static final String SECGROUP_CAPABILITY = "secgroup-create";

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
    private final dev.shoal.api.quota.Quotas quotas;
    private final RestorePoints restorePoints;
    private final SecurityGroups securityGroups;
    private final ApiProperties properties;
    private final Clock clock;

    InstanceService(InstanceRepository instances, NodeRepository nodes, ServiceStatusRepository statuses,
                    TaskRepository tasks, CatalogReferences catalog,
                    dev.shoal.domain.catalog.DatastoreVersionRepository versions,
                    dev.shoal.api.configuration.ConfigurationApplier applier, tools.jackson.databind.json.JsonMapper json,
                    TaskScheduler scheduler,
                    InstanceViews views, @org.springframework.context.annotation.Lazy ReplicaService replicas,
                    dev.shoal.api.quota.Quotas quotas, RestorePoints restorePoints, SecurityGroups securityGroups,
                    ApiProperties properties, Clock clock) {
        this.quotas = quotas;
        this.restorePoints = restorePoints;
        this.securityGroups = securityGroups;
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
        String flavorId = body.flavorRef() == null ? null : catalog.flavor(body.flavorRef(), "instance.flavorRef");
        if (body.replication() != null) {
            return view(replicas.createReplica(tenantId, body, flavorId));
        }
        Backup restore = body.restorePoint() == null ? null : restorePoints.backup(tenantId, body.restorePoint());
        DatastoreVersion version = restore == null ? version(body.datastore())
                : restorePoints.version(restore, body.datastore());
        if (restore != null) {
            restorePoints.requireFits(restore, body.volume().size());
        }
        if (body.access() != null) {
            catalog.require(version.getId(), SECGROUP_CAPABILITY, false);
        }
        UUID configurationId = catalog.configuration(tenantId, body.configuration(), version,
                "instance.configuration");
        quotas.reserve(tenantId, 1, body.volume().size());
        Instance instance = instances.save(new Instance(tenantId, body.name().strip(), version.getId(), flavorId,
                body.volume().size(), configurationId, clock.instant()));
        Node node = nodes.save(Node.forInstance(instance.getId(), tenantId, instance.getName(), version.getId(),
                flavorId, instance.getVolumeSize(), configurationId, clock.instant()));
        if (catalog.descriptor(version.getId()).roles().contains(Role.MASTER)) {
            // the master of its own set, of one until it has replicas
            node.takeRole(Role.MASTER, clock.instant());
        }
        securityGroups.open(node, instance.getId(), version.getDatastore().getManager(), body.requestedAccess());
        Task task;
        if (restore == null) {
            task = schedule(tenantId, TaskKind.CREATE_INSTANCE, instance.getId(), null, properties.buildTimeout());
        } else {
            node.startTask(NodeTask.BUILDING, "Building the node from backup " + restore.getId(), clock.instant());
            task = schedule(tenantId, TaskKind.CREATE_INSTANCE, instance.getId(),
                    json.writeValueAsString(new RestoreParameters(restore.getId())),
                    properties.buildTimeout().plus(properties.backupTimeout()));
        }
        return views.view(instance, node, Optional.empty(), Optional.of(task), List.of());
    }

    /** An instance, or a cluster's node: Trove's clients show a cluster's members as instances. */
    @Transactional(readOnly = true)
    InstanceView show(String tenantId, UUID id) {
        Optional<Node> member = clusterNode(tenantId, id);
        if (member.isPresent()) {
            Node node = member.get();
            return views.clusterNode(node, statuses.findById(node.getId()),
                    tasks.findFirstByResourceIdOrderByCreatedDesc(node.getClusterId()));
        }
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
        if (node.getTask() == NodeTask.BACKING_UP) {
            throw ApiException.conflict("instance " + id + " is being backed up; delete it once its backup is"
                    + " written");
        }
        replicas.beforeMasterDelete(instance, detachReplicas);
        // what runs on the instance now ends at its next step: the delete names it, which makes it past cancelling
        DeleteParameters stopping = new DeleteParameters(tasks.findOpenTaskIds(id), node.getTask().name(),
                node.getTaskDescription());
        node.startTask(NodeTask.DELETING, "Deleting the instance", clock.instant());
        instance.touch(clock.instant());
        schedule(tenantId, TaskKind.DELETE_INSTANCE, id, json.writeValueAsString(stopping),
                properties.deleteTimeout());
    }

    /** Attaches the named configuration group, or detaches with a null or blank reference; the guest follows. */
    @Transactional
    void configure(String tenantId, UUID id, String configuration) {
        boolean detach = configuration == null || configuration.isBlank();
        Instance instance = find(tenantId, id, detach ? "configuration-detach" : "configuration-attach");
        UUID previous = instance.getConfigurationId();
        if (detach) {
            instance.configuration(null, clock.instant());
        } else {
            var version = versions.findById(instance.getDatastoreVersionId()).orElseThrow();
            instance.configuration(catalog.configuration(tenantId, configuration, version, "instance.configuration"),
                    clock.instant());
        }
        applier.apply(instance, previous);
    }

    @Transactional(readOnly = true)
    Map<String, Object> runningConfiguration(String tenantId, UUID id) {
        // reading what runs is no change: a cluster's node answers too
        String running = clusterNode(tenantId, id).orElseGet(() -> node(find(tenantId, id))).getRunningConfiguration();
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

    /** A standalone instance; a cluster's node is changed only through its cluster (422 saying where). */
    Instance find(String tenantId, UUID id) {
        return instances.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId).orElseThrow(() ->
                clusterNode(tenantId, id).map(InstanceService::changedThroughCluster)
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

    private Optional<Node> clusterNode(String tenantId, UUID id) {
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

    public Task schedule(String tenantId, TaskKind kind, UUID instanceId, String parameters, Duration timeout) {
        return scheduler.schedule(tenantId, kind, RESOURCE_TYPE, instanceId, parameters, timeout);
    }

    /** The status users see (ACTIVE, BUILD, ...), as the instance's view shows it. */
    public String status(Instance instance) {
        return view(instance).status();
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

    DatastoreVersion version(CreateInstanceRequest.Datastore requested) {
        return catalog.version(requested.type(), requested.version(), "instance.datastore");
    }

}
