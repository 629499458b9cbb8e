package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.datastore.control.ClusterFailure;
import dev.shoal.datastore.control.ClusterNode;
import dev.shoal.datastore.control.ClusterPorts;
import dev.shoal.datastore.control.GuestCalls;
import dev.shoal.datastore.control.NodeServers;
import dev.shoal.datastore.control.Replication;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.NodeBuilder;
import dev.shoal.taskmanager.replication.ReplicationSteps;
import dev.shoal.taskmanager.task.StepFailure;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What the task manager offers the datastores' cluster strategies: its guest client with its own call timeouts,
 * the replication steps it runs for instances too, and its node builder.
 */
@Component
class ClusterStrategyPorts implements GuestCalls, Replication, NodeServers {

    private final GuestClient guests;
    private final ReplicationSteps replication;
    private final NodeBuilder builder;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;

    ClusterStrategyPorts(GuestClient guests, ReplicationSteps replication, NodeBuilder builder, MessageCodec codec,
                         TaskManagerProperties properties) {
        this.guests = guests;
        this.replication = replication;
        this.builder = builder;
        this.codec = codec;
        this.properties = properties;
    }

    ClusterPorts ports() {
        return new ClusterPorts(this, this, this);
    }

    @Override
    public <T> T call(ClusterNode node, String type, Object payload, Class<T> answer, String correlationId,
                      Wait wait) {
        return codec.mapper().treeToValue(guests.call(TaskClusterNode.entity(node), type, payload, correlationId,
                timeout(wait)).result(), answer);
    }

    @Override
    public void call(ClusterNode node, String type, Object payload, String correlationId, Wait wait) {
        guests.call(TaskClusterNode.entity(node), type, payload, correlationId, timeout(wait));
    }

    private Duration timeout(Wait wait) {
        return wait == Wait.LONG ? properties.guestCallTimeoutHigh() : properties.guestCallTimeoutLow();
    }

    @Override
    public ReplicationSnapshot snapshot(ClusterNode master, String snapshotId, String correlationId) {
        return replication.snapshot(TaskClusterNode.entity(master), snapshotId, correlationId);
    }

    @Override
    public void attach(ClusterNode master, ReplicationSnapshot snapshot, ClusterNode replica, String correlationId) {
        replication.attach(TaskClusterNode.entity(master), snapshot, TaskClusterNode.entity(replica), correlationId);
    }

    @Override
    public boolean isReplicating(ClusterNode replica, String correlationId) throws ClusterFailure {
        try {
            return replication.isReplicating(TaskClusterNode.entity(replica), correlationId);
        } catch (StepFailure e) {
            ClusterFailure failure = new ClusterFailure(ClusterFailure.Kind.REPLICA, e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public void dropSnapshot(ClusterNode master, String snapshotId, String correlationId) {
        replication.dropSnapshot(TaskClusterNode.entity(master), snapshotId, correlationId);
    }

    @Override
    public void stopDatastore(ClusterNode node, String correlationId) {
        builder.stopDatastore(TaskClusterNode.entity(node), correlationId);
    }
}
