package dev.shoal.api.replication;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.instance.CreateInstanceRequest;
import dev.shoal.api.instance.InstanceLookup;
import dev.shoal.api.instance.InstanceTasks;
import dev.shoal.api.secgroup.RequestedAccess;
import dev.shoal.api.secgroup.SecurityGroups;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.Role;
import dev.shoal.datastore.Ability;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * MySQL replication through {@code /instances}, as the seed specifies it: replicas of a master (one from a create
 * request, or N from one snapshot with {@code replicate}), detach, and masters that are not deleted from under
 * their replicas.
 */
@Service
public class ReplicaService {


    private final InstanceLookup lookup;
    private final InstanceTasks instanceTasks;
    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final DatastoreVersionRepository versions;
    private final CatalogReferences catalog;
    private final dev.shoal.api.quota.Quotas quotas;
    private final SecurityGroups securityGroups;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final Clock clock;

    ReplicaService(InstanceLookup lookup, InstanceTasks instanceTasks, InstanceRepository instances,
                   NodeRepository nodes, DatastoreVersionRepository versions, CatalogReferences catalog,
                   dev.shoal.api.quota.Quotas quotas, SecurityGroups securityGroups, JsonMapper json,
                   ApiProperties properties, Clock clock) {
        this.quotas = quotas;
        this.securityGroups = securityGroups;
        this.catalog = catalog;
        this.lookup = lookup;
        this.instanceTasks = instanceTasks;
        this.instances = instances;
        this.nodes = nodes;
        this.versions = versions;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A replica always runs the master's datastore version; a request naming another one is refused. Trove's
     * {@code replica_count} makes that many from one snapshot, named {@code <name>-1}...; the first is answered.
     */
    @Transactional
    public Instance createReplica(String tenantId, CreateInstanceRequest.Body body, String flavorId) {
        CreateInstanceRequest.Slave slave = body.replication();
        String field = body.slave() != null ? "instance.slave.of" : "instance.replica_of";
        if (Boolean.FALSE.equals(slave.readOnly())) {
            throw ApiException.inconsistent("instance.slave.read_only: replicas are read-only; detach a replica to"
                    + " write to it", List.of(new FieldProblem("instance.slave.read_only", "must be true")));
        }
        int count = body.replicaCount() == null ? 1 : body.replicaCount();
        if (count < 1 || count > properties.maxReplicasPerRequest()) {
            throw ApiException.invalid("instance.replica_count", "must be between 1 and "
                    + properties.maxReplicasPerRequest());
        }
        Instance master = master(tenantId, slave.of(), field);
        if (body.datastore() != null && body.datastore().type() != null && !body.datastore().type().isBlank()) {
            DatastoreVersion requested = catalog.version(body.datastore().type(), body.datastore().version(),
                    "instance.datastore");
            if (!requested.getId().equals(master.getDatastoreVersionId())) {
                throw ApiException.inconsistent("instance.datastore: a replica runs its master's datastore version",
                        List.of(new FieldProblem("instance.datastore", "must match the master's"),
                                new FieldProblem(field, "names the master")));
            }
        }
        String flavor = flavorId != null ? flavorId : master.getFlavorId();
        int volume = body.volume() != null && body.volume().size() != null ? body.volume().size()
                : master.getVolumeSize();
        if (body.access() != null) {
            catalog.require(master.getDatastoreVersionId(), SecurityGroups.CAPABILITY, false);
        }
        quotas.reserve(tenantId, count, (long) count * volume);
        List<Instance> created = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            created.add(newReplica(master, count == 1 ? body.name().strip() : body.name().strip() + "-" + i, flavor,
                    volume, body.requestedAccess()));
        }
        schedule(master, created.stream().map(Instance::getId).toList());
        return created.get(0);
    }

    @Transactional
    public List<Instance> replicate(String tenantId, UUID masterId, int count) {
        if (count < 1 || count > properties.maxReplicasPerRequest()) {
            throw ApiException.invalid("replicate.count", "must be between 1 and "
                    + properties.maxReplicasPerRequest());
        }
        Instance master = master(tenantId, masterId.toString(), "id");
        int existing = instances.findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(master.getId()).size();
        quotas.reserve(tenantId, count, (long) count * master.getVolumeSize());
        List<Instance> created = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            created.add(newReplica(master, master.getName() + "-replica-" + (existing + i), master.getFlavorId(),
                    master.getVolumeSize(), null));
        }
        schedule(master, created.stream().map(Instance::getId).toList());
        return created;
    }

    @Transactional
    public void detach(String tenantId, UUID id) {
        Instance replica = lookup.find(tenantId, id);
        if (!replica.isReplica()) {
            throw ApiException.conflict("instance " + id + " is not a replica; only replicas can be detached");
        }
        Node node = lookup.node(replica);
        if (node.getTask() == NodeTask.DETACHING) {
            return;
        }
        if (node.getTask() != NodeTask.NONE) {
            throw ApiException.conflict("instance " + id + " is busy (" + node.getTask() + "); detach it once it"
                    + " is ACTIVE");
        }
        startDetach(replica, node);
    }

    /** @throws ApiException 409 naming the replicas, unless they are to be detached first */
    public void beforeMasterDelete(Instance master, boolean detachReplicas) {
        List<Instance> replicas = instances.findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(master.getId());
        if (replicas.isEmpty()) {
            return;
        }
        if (!detachReplicas) {
            throw ApiException.conflict("instance " + master.getId() + " is the master of "
                    + replicas.stream().map(r -> r.getId().toString()).toList()
                    + "; delete or detach them first, or delete with ?detach_replicas=true");
        }
        for (Instance replica : replicas) {
            if (lookup.node(replica).getTask() == NodeTask.BUILDING) {
                throw ApiException.conflict("replica " + replica.getId() + " of instance " + master.getId()
                        + " is still being built; delete the master once it is ACTIVE");
            }
        }
        for (Instance replica : replicas) {
            Node node = lookup.node(replica);
            if (node.getTask() != NodeTask.DETACHING && node.getTask() != NodeTask.DELETING) {
                startDetach(replica, node);
            }
        }
    }

    private void startDetach(Instance replica, Node node) {
        node.startTask(NodeTask.DETACHING, "Detaching from the master", clock.instant());
        replica.touch(clock.instant());
        instanceTasks.schedule(replica.getTenantId(), TaskKind.DETACH_REPLICA, replica.getId(), null,
                properties.buildTimeout());
    }

    private Instance master(String tenantId, String reference, String field) {
        UUID id;
        try {
            id = UUID.fromString(reference.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be the id of an instance");
        }
        Instance master = instances.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId).orElseThrow(() ->
                ApiException.unresolvable(field, "instance " + id + " does not exist"));
        catalog.require(master.getDatastoreVersionId(), "replication", false);
        catalog.descriptor(versions.findById(master.getDatastoreVersionId()).orElseThrow(), Ability.REPLICATION, field);
        if (master.isReplica()) {
            throw ApiException.unresolvable(field, "instance " + id + " is itself a replica of "
                    + master.getSlaveOf() + "; replicate from the master");
        }
        NodeTask task = lookup.node(master).getTask();
        if (task == NodeTask.DELETING || task == NodeTask.PROMOTING || task == NodeTask.EJECTING
                || task.isError()) {
            throw ApiException.conflict("instance " + id + " cannot be replicated while " + task);
        }
        return master;
    }

    /** @param access the create request's, or null: replicas made by {@code replicate} are open by default */
    private Instance newReplica(Instance master, String name, String flavorId, int volumeSize,
                                RequestedAccess access) {
        Instance replica = instances.save(Instance.replicaOf(master, name, flavorId, volumeSize, clock.instant()));
        Node node = nodes.save(Node.forInstance(replica.getId(), replica.getTenantId(), name,
                replica.getDatastoreVersionId(), flavorId, volumeSize, replica.getConfigurationId(), clock.instant()));
        node.takeRole(Role.REPLICA, clock.instant());
        securityGroups.open(node, replica.getId(), catalog.manager(master.getDatastoreVersionId()), access);
        return replica;
    }

    private void schedule(Instance master, List<UUID> replicaIds) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("replicas", replicaIds);
        parameters.put("snapshot", null);
        instanceTasks.schedule(master.getTenantId(), TaskKind.CREATE_REPLICAS, master.getId(),
                json.writeValueAsString(parameters), properties.buildTimeout());
    }
}
