package dev.shoal.domain.failover;

import dev.shoal.contracts.ServiceStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the control plane knows of one replication set when failover looks at it.
 *
 * @param autoFailover   whether the set fails over by itself
 * @param master         the master's last report; null when its guest never reported
 * @param replicas       each replica's last report
 * @param lastFailoverAt when the set last failed over by itself; null if never
 */
public record ReplicationSetState(boolean autoFailover, Report master, List<Report> replicas,
                                  Instant lastFailoverAt) {

    public ReplicationSetState {
        replicas = List.copyOf(replicas);
    }

    /**
     * A node's last report.
     *
     * @param status                 what its guest last said of its server
     * @param receivedAt             when that arrived, on the control plane's clock
     * @param masterUnreachableSince a replica's: since when it cannot reach the master
     * @param syncReplication        a master's: whether its commits were held by a replica too
     */
    public record Report(ServiceStatus status, Instant receivedAt, Instant masterUnreachableSince,
                         Boolean syncReplication) {
    }
}
