package dev.shoal.domain.node;

import java.util.Optional;

/** What Shoal is doing to a node, as in Trove's instance tasks; error tasks keep the failure visible. */
public enum NodeTask {
    NONE(null),
    BUILDING(NodeStatus.BUILD),
    DELETING(NodeStatus.SHUTDOWN),
    REBOOTING(NodeStatus.REBOOT),
    /** An operator stops the datastore (Trove's management {@code stop}); once stopped, its guest reports SHUTDOWN. */
    STOPPING(NodeStatus.SHUTDOWN),
    RESIZING(NodeStatus.RESIZE),
    RESTART_REQUIRED(NodeStatus.RESTART_REQUIRED),
    PROMOTING(NodeStatus.PROMOTE),
    EJECTING(NodeStatus.EJECT),
    DETACHING(NodeStatus.DETACH),
    UPDATING(null),
    UPGRADING(NodeStatus.UPGRADE),
    /** Trove's BACKUP status: the guest is writing a backup of the datastore. */
    BACKING_UP(NodeStatus.BACKUP),
    BUILDING_ERROR_SERVER(NodeStatus.ERROR),
    BUILDING_ERROR_TIMEOUT_GA(NodeStatus.ERROR),
    BUILDING_ERROR_GUEST(NodeStatus.ERROR),
    BUILDING_ERROR_REPLICA(NodeStatus.ERROR),
    /** Trove's: the node's security group could not be applied, so it was not started unprotected. */
    BUILDING_ERROR_SEC_GROUP(NodeStatus.ERROR),
    DELETING_ERROR(NodeStatus.ERROR),
    GROWING_ERROR(NodeStatus.ERROR),
    SHRINKING_ERROR(NodeStatus.ERROR),
    PROMOTION_ERROR(NodeStatus.ERROR),
    /** An old master that came back after a failover is becoming a replica of the new one. */
    REJOINING(NodeStatus.BUILD),
    /** An old master whose history diverged from the new master's: it stays fenced, and is to be replaced. */
    REJOIN_ERROR(NodeStatus.ERROR);

    private final NodeStatus status;

    NodeTask(NodeStatus status) {
        this.status = status;
    }

    /** The status this task imposes, or empty when the service status speaks. */
    public Optional<NodeStatus> status() {
        return Optional.ofNullable(status);
    }

    public boolean isError() {
        return status == NodeStatus.ERROR;
    }
}
