package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.ReplicationReport;
import dev.shoal.domain.node.ServiceStatusRecord;
import java.time.Instant;

/**
 * What of a heartbeat the task manager's failover and confirmation logic and users read as a node's state: a
 * heartbeat that tells a different one is written at once, one that tells the same can wait for the next flush.
 * Volume usage and times are not part of it; whether a master is unreachable is, since when is not.
 */
record ReportedState(ServiceStatus status, String description, Boolean awaitingConfirmation,
                     boolean masterUnreachable, Boolean syncReplication, Integer restarts, Instant lastCrash,
                     Role electedRole) {

    /** service_statuses.status_description is varchar(1024). */
    static final int MAX_DESCRIPTION = 1024;

    static ReportedState of(Heartbeat heartbeat) {
        ReplicationReport replication = heartbeat.replication();
        return new ReportedState(heartbeat.serviceStatus(), truncate(heartbeat.statusDescription()),
                replication == null ? null : replication.awaitingConfirmation(),
                replication != null && replication.masterUnreachableSince() != null,
                replication == null ? null : replication.syncReplication(),
                heartbeat.restarts(), heartbeat.lastCrash(), heartbeat.electedRole());
    }

    /** As the row reads once written, and the part an election gave, which is kept in the node's row. */
    static ReportedState written(ServiceStatusRecord record, Role electedRole) {
        return new ReportedState(record.getStatus(), record.getStatusDescription(), record.getAwaitingConfirmation(),
                record.getMasterUnreachableSince() != null, record.getSyncReplication(), record.getRestarts(),
                record.getLastCrash(), electedRole);
    }

    /**
     * Whether writing this heartbeat would leave {@code written} as it is. A guest that does not supervise its server
     * tells no restarts, which keeps those written before.
     */
    boolean changesNothingIn(ReportedState written) {
        ReportedState kept = new ReportedState(status, description, awaitingConfirmation, masterUnreachable,
                syncReplication, restarts == null ? written.restarts : restarts,
                lastCrash == null ? written.lastCrash : lastCrash, electedRole);
        return kept.equals(written);
    }

    static String truncate(String description) {
        return description == null || description.length() <= MAX_DESCRIPTION
                ? description
                : description.substring(0, MAX_DESCRIPTION);
    }
}
