package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.datastore.Datastores;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** The master a replica task works from and the replicas it builds, read fresh in every step. */
@Component
class ReplicaSet {

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final DatastoreVersionRepository versions;
    private final MessageCodec codec;
    private final Clock clock;

    ReplicaSet(InstanceRepository instances, NodeRepository nodes, DatastoreVersionRepository versions,
               MessageCodec codec, Clock clock) {
        this.instances = instances;
        this.nodes = nodes;
        this.versions = versions;
        this.codec = codec;
        this.clock = clock;
    }

    ReplicaParameters parameters(Task task) {
        return codec.mapper().readValue(task.getParameters(), ReplicaParameters.class);
    }

    SwitchoverParameters switchover(Task task) {
        return codec.mapper().readValue(task.getParameters(), SwitchoverParameters.class);
    }

    void record(Task task, Object parameters) {
        task.recordParameters(codec.mapper().writeValueAsString(parameters), clock.instant());
    }

    Instance instance(java.util.UUID id) {
        return instances.findById(id).orElseThrow(() -> new IllegalStateException("instance " + id + " is gone"));
    }

    /** The node of a set's member: an instance's node, or, in a cluster, the node itself. */
    Node nodeOf(java.util.UUID memberId) {
        return nodes.findFirstByInstanceIdOrderByCreatedDesc(memberId).or(() -> nodes.findById(memberId))
                .orElseThrow(() -> new IllegalStateException("member " + memberId + " has no node"));
    }

    /** What the datastore a node runs is, as its descriptor says. */
    DatastoreDescriptor datastoreOf(Node node) {
        return Datastores.descriptor(versions.findById(node.getDatastoreVersionId()).orElseThrow()
                .getDatastore().getManager());
    }

    /** The instance of a set's member; a cluster's node has none. */
    java.util.Optional<Instance> instanceOf(java.util.UUID memberId) {
        return instances.findById(memberId);
    }

    /** The replicas {@code masterId} has now, as the instances table says. */
    List<java.util.UUID> replicasOf(java.util.UUID masterId) {
        return instances.findAllBySlaveOfAndDeletedAtIsNullOrderByCreated(masterId).stream().map(Instance::getId)
                .toList();
    }

    Node masterNode(Task task) {
        return nodeOf(task.getResourceId());
    }

    /** Replicas still to build: one deleted meanwhile is left to its delete. */
    List<Node> buildingReplicas(Task task) {
        return parameters(task).replicas().stream()
                .map(this::nodeOf)
                .filter(node -> !node.isDeleted() && node.getTask() != NodeTask.DELETING)
                .filter(Objects::nonNull)
                .toList();
    }
}
