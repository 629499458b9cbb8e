package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.ReplicationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The newest heartbeat of a node waiting for the flush, with all it told: the flush writes it whole, so that a row
 * another process changed meanwhile (a conductor's sweep setting SHUTDOWN) is healed by the next heartbeat.
 *
 * @param sentAt     on the guest's clock: the flush never writes over a newer one
 * @param receivedAt on the conductor's clock: heartbeat expiry is measured from it
 */
record PendingHeartbeat(UUID nodeId, Instant sentAt, Instant receivedAt, ServiceStatus status, String description,
                        Long volumeUsedBytes, Long volumeTotalBytes, Integer restarts, Instant lastCrash,
                        Boolean awaitingConfirmation, Instant masterUnreachableSince, Boolean syncReplication) {

    static PendingHeartbeat of(UUID node, Instant sentAt, Heartbeat heartbeat, Instant receivedAt) {
        ReplicationReport replication = heartbeat.replication();
        // as ServiceStatusRecord.replication keeps it: on the conductor's clock
        Instant unreachableSince = replication == null || replication.masterUnreachableSince() == null ? null
                : receivedAt.minus(Duration.between(replication.masterUnreachableSince(), sentAt));
        return new PendingHeartbeat(node, sentAt, receivedAt, heartbeat.serviceStatus(),
                ReportedState.truncate(heartbeat.statusDescription()), heartbeat.volumeUsedBytes(),
                heartbeat.volumeTotalBytes(), heartbeat.restarts(), heartbeat.lastCrash(),
                replication == null ? null : replication.awaitingConfirmation(), unreachableSince,
                replication == null ? null : replication.syncReplication());
    }

    static PendingHeartbeat newer(PendingHeartbeat one, PendingHeartbeat other) {
        return other.sentAt.isAfter(one.sentAt) ? other : one;
    }
}
