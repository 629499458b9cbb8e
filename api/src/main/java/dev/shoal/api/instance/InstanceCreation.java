package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.quota.Quotas;
import dev.shoal.api.replication.ReplicaService;
import dev.shoal.api.secgroup.SecurityGroups;
import dev.shoal.api.system.ApiException;
import dev.shoal.contracts.Role;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.RestoreParameters;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates an instance: a new one, a replica of another, or one built from a backup. The instance, its node, its
 * security group and its task are written in one transaction, and the answer comes at once; the task leaves through
 * the outbox after commit, so a request either happened completely or not at all.
 */
@Service
class InstanceCreation {

    private final InstanceLookup lookup;
    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final CatalogReferences catalog;
    private final InstanceTasks instanceTasks;
    private final InstanceViews views;
    private final ReplicaService replicas;
    private final Quotas quotas;
    private final RestorePoints restorePoints;
    private final SecurityGroups securityGroups;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final Clock clock;

    InstanceCreation(InstanceLookup lookup, InstanceRepository instances, NodeRepository nodes,
                     CatalogReferences catalog, InstanceTasks instanceTasks, InstanceViews views,
                     ReplicaService replicas, Quotas quotas, RestorePoints restorePoints,
                     SecurityGroups securityGroups, JsonMapper json, ApiProperties properties, Clock clock) {
        this.lookup = lookup;
        this.instances = instances;
        this.nodes = nodes;
        this.catalog = catalog;
        this.instanceTasks = instanceTasks;
        this.views = views;
        this.replicas = replicas;
        this.quotas = quotas;
        this.restorePoints = restorePoints;
        this.securityGroups = securityGroups;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    InstanceView create(String tenantId, CreateInstanceRequest request) {
        CreateInstanceValidator.validate(request, properties.minVolumeGb(), properties.maxVolumeGb());
        CreateInstanceRequest.Body body = request.instance();
        String flavorId = body.flavorRef() == null ? null : catalog.flavor(body.flavorRef(), "instance.flavorRef");
        if (body.replication() != null) {
            if (body.autoFailover() != null) {
                throw ApiException.inconsistent(AutoFailoverSetting.FIELD + ": a replica takes its set's setting;"
                        + " change it with PATCH on any member", List.of(new ApiException.FieldProblem(
                        AutoFailoverSetting.FIELD, "is its set's, not a replica's own")));
            }
            return lookup.view(replicas.createReplica(tenantId, body, flavorId));
        }
        Backup restore = body.restorePoint() == null ? null : restorePoints.backup(tenantId, body.restorePoint());
        DatastoreVersion version = restore == null ? lookup.version(body.datastore())
                : restorePoints.version(restore, body.datastore());
        if (restore != null) {
            restorePoints.requireFits(restore, body.volume().size());
        }
        if (body.access() != null) {
            catalog.require(version.getId(), SecurityGroups.CAPABILITY, false);
        }
        if (body.autoFailover() != null) {
            AutoFailoverSetting.requireMaster(catalog.descriptor(version.getId()));
        }
        UUID configurationId = catalog.configuration(tenantId, body.configuration(), version,
                "instance.configuration");
        quotas.reserve(tenantId, 1, body.volume().size());
        Instance instance = instances.save(new Instance(tenantId, body.name().strip(), version.getId(), flavorId,
                body.volume().size(), configurationId, clock.instant()));
        if (body.autoFailover() != null) {
            instance.autoFailover(body.autoFailover(), clock.instant());
        }
        Node node = nodes.save(Node.forInstance(instance.getId(), tenantId, instance.getName(), version.getId(),
                flavorId, instance.getVolumeSize(), configurationId, clock.instant()));
        if (catalog.descriptor(version.getId()).roles().contains(Role.MASTER)) {
            // the master of its own set, of one until it has replicas
            node.takeRole(Role.MASTER, clock.instant());
        }
        securityGroups.open(node, instance.getId(), version.getDatastore().getManager(), body.requestedAccess());
        Task task;
        if (restore == null) {
            task = instanceTasks.schedule(tenantId, TaskKind.CREATE_INSTANCE, instance.getId(), null,
                    properties.buildTimeout());
        } else {
            node.startTask(NodeTask.BUILDING, "Building the node from backup " + restore.getId(), clock.instant());
            task = instanceTasks.schedule(tenantId, TaskKind.CREATE_INSTANCE, instance.getId(),
                    json.writeValueAsString(new RestoreParameters(restore.getId())),
                    properties.buildTimeout().plus(properties.backupTimeout()));
        }
        return views.view(instance, node, Optional.empty(), Optional.of(task), List.of());
    }
}
