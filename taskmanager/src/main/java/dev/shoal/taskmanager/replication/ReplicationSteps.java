package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.contracts.guest.ReplicationStatus;
import dev.shoal.contracts.guest.SnapshotRequest;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepFailure;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The guest calls of MySQL replication, shared by replicas of instances and MySQL clusters. */
@Component
public class ReplicationSteps {

    private static final Logger log = LoggerFactory.getLogger(ReplicationSteps.class);

    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;

    ReplicationSteps(GuestClient guests, MessageCodec codec, TaskManagerProperties properties) {
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
    }

    /** The master writes (or finds, when asked again) the snapshot named {@code snapshotId}. */
    public ReplicationSnapshot snapshot(Node master, String snapshotId, String correlationId) {
        return codec.mapper().treeToValue(guests.call(master, MessageTypes.CREATE_REPLICATION_SNAPSHOT,
                new SnapshotRequest(snapshotId), correlationId, properties.guestCallTimeoutHigh()).result(),
                ReplicationSnapshot.class);
    }

    /** The replication password leaves the master sealed for it and reaches the replica sealed for that one. */
    public void attach(Node master, ReplicationSnapshot snapshot, Node replica, String correlationId) {
        String password = SecretBox.open(master.secret().orElseThrow(), snapshot.sealedReplicationPassword());
        guests.call(replica, MessageTypes.ATTACH_REPLICA,
                snapshot.resealed(SecretBox.seal(replica.secret().orElseThrow(), password)), correlationId,
                properties.guestCallTimeoutHigh());
    }

    /** @throws StepFailure when replication stopped on an error */
    public boolean isReplicating(Node replica, String correlationId) throws StepFailure {
        ReplicationStatus status = codec.mapper().treeToValue(guests.call(replica,
                MessageTypes.GET_REPLICATION_STATUS, Map.of(), correlationId, properties.guestCallTimeoutLow())
                .result(), ReplicationStatus.class);
        if (status.ioRunning() && status.sqlRunning()) {
            return true;
        }
        if (status.lastError() != null && !status.sqlRunning()) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_REPLICA, "node " + replica.getName()
                    + " does not replicate: " + status.lastError());
        }
        return false;
    }

    /** The snapshot served its replicas; one left behind only costs space, so a failure here is not fatal. */
    public void dropSnapshot(Node master, String snapshotId, String correlationId) {
        try {
            guests.call(master, MessageTypes.DELETE_REPLICATION_SNAPSHOT, new SnapshotRequest(snapshotId),
                    correlationId, properties.guestCallTimeoutLow());
        } catch (GuestCallException e) {
            log.warn("snapshot {} stays in the snapshot store: {}", snapshotId, e.getMessage());
        }
    }
}
