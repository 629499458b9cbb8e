package dev.shoal.domain.node;

import dev.shoal.contracts.ServiceStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Derives the status users see (DESIGN §7): an error task wins, then any other task that imposes a
 * status, then the guest's service status, which turns {@code SHUTDOWN} when its last heartbeat is
 * older than the expiry.
 */
public final class NodeStatusRule {

    private NodeStatusRule() {
    }

    /**
     * @param lastHeartbeat when the conductor last accepted a heartbeat, or null if never
     */
    public static NodeStatus derive(NodeTask task, ServiceStatus serviceStatus, Instant lastHeartbeat,
                                    Instant now, Duration expiry) {
        if (task != null && task.status().isPresent()) {
            return task.status().get();
        }
        if (serviceStatus == null || lastHeartbeat == null) {
            return NodeStatus.UNKNOWN;
        }
        if (lastHeartbeat.plus(expiry).isBefore(now)) {
            return NodeStatus.SHUTDOWN;
        }
        return switch (serviceStatus) {
            case RUNNING -> NodeStatus.ACTIVE;
            case NEW, BUILD -> NodeStatus.BUILD;
            case BLOCKED -> NodeStatus.BLOCKED;
            case SHUTDOWN -> NodeStatus.SHUTDOWN;
            case CRASHED -> NodeStatus.CRASHED;
            case FAILED -> NodeStatus.FAILED;
            case RESTART_REQUIRED -> NodeStatus.RESTART_REQUIRED;
            case UNKNOWN -> NodeStatus.UNKNOWN;
        };
    }
}
