package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.cluster.ClusterChanges;
import dev.shoal.api.configuration.ConfigurationApplier;
import dev.shoal.api.replication.ReplicaService;
import dev.shoal.api.system.ApiException;
import dev.shoal.contracts.task.DeleteParameters;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes an instance as a whole: deletes it, gives it another configuration group, restarts or stops its datastore.
 */
@Service
class InstanceChanges {

    private final InstanceLookup lookup;
    private final InstanceTasks instanceTasks;
    private final TaskRepository tasks;
    private final ReplicaService replicas;
    private final CatalogReferences catalog;
    private final DatastoreVersionRepository versions;
    private final ConfigurationApplier applier;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final ClusterChanges clusterChanges;
    private final Clock clock;

    InstanceChanges(InstanceLookup lookup, InstanceTasks instanceTasks, TaskRepository tasks, ReplicaService replicas,
                    CatalogReferences catalog, DatastoreVersionRepository versions, ConfigurationApplier applier,
                    ClusterChanges clusterChanges, JsonMapper json, ApiProperties properties, Clock clock) {
        this.clusterChanges = clusterChanges;
        this.lookup = lookup;
        this.instanceTasks = instanceTasks;
        this.tasks = tasks;
        this.replicas = replicas;
        this.catalog = catalog;
        this.versions = versions;
        this.applier = applier;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Deleting what is already being deleted changes nothing and answers the same. A master keeps its replicas
     * from being orphaned: it is deleted only when asked to detach them first.
     */
    @Transactional
    void delete(String tenantId, UUID id, boolean detachReplicas) {
        Instance instance = lookup.find(tenantId, id);
        Node node = lookup.node(instance);
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
        instanceTasks.schedule(tenantId, TaskKind.DELETE_INSTANCE, id, json.writeValueAsString(stopping),
                properties.deleteTimeout());
    }

    /** Attaches the named configuration group, or detaches with a null or blank reference; the guest follows. */
    @Transactional
    void configure(String tenantId, UUID id, String configuration) {
        boolean detach = configuration == null || configuration.isBlank();
        Instance instance = lookup.find(tenantId, id, detach ? "configuration-detach" : "configuration-attach");
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

    /**
     * Restarts the datastore; what a configuration group left for a restart takes effect. A cluster's node restarts
     * alone, through its cluster.
     */
    @Transactional
    void restart(String tenantId, UUID id) {
        Optional<Node> member = lookup.clusterNode(tenantId, id);
        if (member.isPresent()) {
            // Trove's clients restart a cluster's node as an instance: its server alone restarts
            clusterChanges.restartNode(tenantId, member.get().getClusterId(), id);
            return;
        }
        Instance instance = lookup.find(tenantId, id);
        Node node = lookup.node(instance);
        if (node.getTask() != NodeTask.NONE && node.getTask() != NodeTask.RESTART_REQUIRED) {
            throw ApiException.conflict("instance " + id + " is busy (" + node.getTask() + "); restart it once it"
                    + " is ACTIVE");
        }
        node.startTask(NodeTask.REBOOTING, "Restarting the datastore", clock.instant());
        instance.touch(clock.instant());
        instanceTasks.schedule(tenantId, TaskKind.RESTART_INSTANCE, id, null, properties.buildTimeout());
    }

    /** Trove's management stop: the datastore stops and stays stopped until a restart. */
    @Transactional
    void stop(String tenantId, UUID id) {
        Instance instance = lookup.find(tenantId, id);
        Node node = lookup.node(instance);
        if (node.getTask() != NodeTask.NONE && node.getTask() != NodeTask.RESTART_REQUIRED) {
            throw ApiException.conflict("instance " + id + " is busy (" + node.getTask() + "); stop it once it"
                    + " is ACTIVE");
        }
        node.startTask(NodeTask.STOPPING, "Stopping the datastore", clock.instant());
        instance.touch(clock.instant());
        instanceTasks.schedule(tenantId, TaskKind.STOP_INSTANCE, id, null, properties.buildTimeout());
    }
}
