package dev.shoal.api.replication;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.instance.InstanceLookup;
import dev.shoal.api.instance.InstanceTasks;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeStatus;
import dev.shoal.domain.node.NodeStatusRule;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trove's two ways a replica becomes the master of its set: {@code promote_to_replica_source}, a switchover from a
 * live master, and {@code eject_replica_source}, a failover from a master that is gone. Every node of the set takes
 * the task, so nothing else starts on the set until it is done.
 */
@Service
public class ReplicaSourceService {

    private final InstanceLookup lookup;
    private final InstanceTasks instanceTasks;
    private final InstanceRepository instances;
    private final ServiceStatusRepository statuses;
    private final TaskRepository tasks;
    private final CatalogReferences catalog;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final Clock clock;

    ReplicaSourceService(InstanceLookup lookup, InstanceTasks instanceTasks, InstanceRepository instances,
                         ServiceStatusRepository statuses, TaskRepository tasks, CatalogReferences catalog,
                         JsonMapper json, ApiProperties properties, Clock clock) {
        this.lookup = lookup;
        this.instanceTasks = instanceTasks;
        this.instances = instances;
        this.statuses = statuses;
        this.tasks = tasks;
        this.catalog = catalog;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws ApiException 409 when the master cannot hand over: it is gone (eject instead) or the set is busy */
    @Transactional
    public void promote(String tenantId, UUID id) {
        Instance candidate = replica(tenantId, id, "promote_to_replica_source");
        if (running(candidate, TaskKind.PROMOTE_TO_REPLICA_SOURCE)) {
            return;
        }
        ReplicaSetView set = set(candidate);
        if (set.masterStatus() != NodeStatus.ACTIVE) {
            throw conflict("replica-source-unreachable", "the master " + set.master().getId() + " of instance "
                    + id + " is " + set.masterStatus() + " and cannot hand over; if it is gone, use"
                    + " eject_replica_source");
        }
        List<UUID> others = set.replicas().stream().map(Instance::getId).filter(r -> !r.equals(id)).toList();
        start(set, NodeTask.PROMOTING, "Promoting " + candidate.getName() + " to master");
        schedule(candidate, TaskKind.PROMOTE_TO_REPLICA_SOURCE, set.master().getId(), id, others);
    }

    /** @throws ApiException 409 while the master still answers: Trove ejects only a master that is gone */
    @Transactional
    public void eject(String tenantId, UUID id) {
        Instance replica = replica(tenantId, id, "eject_replica_source");
        if (running(replica, TaskKind.EJECT_REPLICA_SOURCE)) {
            return;
        }
        ReplicaSetView set = set(replica);
        if (set.masterStatus() == NodeStatus.ACTIVE) {
            throw conflict("replica-source-alive", "the master " + set.master().getId() + " of instance " + id
                    + " is ACTIVE and its heartbeats are fresh (within " + properties.heartbeatExpiry().toSeconds()
                    + " s); eject_replica_source is for a master that is gone, promote_to_replica_source hands"
                    + " over from a live one");
        }
        start(set, NodeTask.EJECTING, "Ejecting the master " + set.master().getName());
        schedule(replica, TaskKind.EJECT_REPLICA_SOURCE, set.master().getId(), null,
                set.replicas().stream().map(Instance::getId).toList());
    }

    /** Asking again for what this instance is already doing changes nothing and answers the same. */
    private boolean running(Instance instance, TaskKind kind) {
        return tasks.findFirstByResourceIdOrderByCreatedDesc(instance.getId())
                .filter(task -> task.getKind() == kind && !task.getState().isFinished()).isPresent();
    }

    private Instance replica(String tenantId, UUID id, String action) {
        Instance instance = lookup.find(tenantId, id);
        catalog.require(instance.getDatastoreVersionId(), "replication", false);
        if (!instance.isReplica()) {
            throw conflict("not-a-replica", "instance " + id + " is not a replica; " + action
                    + " is aimed at a replica, which then becomes the master of its replica set");
        }
        return instance;
    }

    /** The master and its replicas, refused while any of them is busy with another task. */
    private ReplicaSetView set(Instance replica) {
        Instance master = instances.findById(replica.getSlaveOf()).filter(m -> !m.isDeleted()).orElseThrow(() ->
                conflict("replica-source-unreachable", "the master " + replica.getSlaveOf() + " of instance "
                        + replica.getId() + " is deleted"));
        Node masterNode = lookup.node(master);
        List<Instance> replicas = instances.findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(master.getId());
        // a master that failed (its error task kept) may still be ejected; one being changed may not
        if (masterNode.getTask() != NodeTask.NONE && !masterNode.getTask().isError()) {
            throw busy(master, masterNode);
        }
        for (Instance member : replicas) {
            Node node = lookup.node(member);
            boolean retry = member.getId().equals(replica.getId()) && node.getTask() == NodeTask.PROMOTION_ERROR;
            if (node.getTask() != NodeTask.NONE && !retry) {
                throw busy(member, node);
            }
        }
        Optional<ServiceStatusRecord> service = statuses.findById(masterNode.getId());
        NodeStatus status = NodeStatusRule.derive(masterNode.getTask(),
                service.map(ServiceStatusRecord::getStatus).orElse(null),
                service.map(ServiceStatusRecord::getUpdatedAt).orElse(null), clock.instant(),
                properties.heartbeatExpiry());
        return new ReplicaSetView(master, masterNode, replicas, status);
    }

    private void start(ReplicaSetView set, NodeTask task, String description) {
        set.masterNode().startTask(task, description, clock.instant());
        set.master().touch(clock.instant());
        for (Instance member : set.replicas()) {
            lookup.node(member).startTask(task, description, clock.instant());
            member.touch(clock.instant());
        }
    }

    private void schedule(Instance target, TaskKind kind, UUID master, UUID candidate, List<UUID> replicas) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("oldMaster", master);
        parameters.put("candidate", candidate);
        parameters.put("replicas", replicas);
        parameters.put("latestTxnId", null);
        parameters.put("source", null);
        instanceTasks.schedule(target.getTenantId(), kind, target.getId(), json.writeValueAsString(parameters),
                properties.buildTimeout());
    }

    private static ApiException busy(Instance member, Node node) {
        return conflict("replica-set-busy", "the replica set is busy: instance " + member.getId() + " is "
                + node.getTask() + "; try again once every member is ACTIVE");
    }

    private static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message, List.of());
    }

    private record ReplicaSetView(Instance master, Node masterNode, List<Instance> replicas, NodeStatus masterStatus) {
    }
}
