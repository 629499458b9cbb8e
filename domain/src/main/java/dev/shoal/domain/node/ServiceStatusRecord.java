package dev.shoal.domain.node;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.ReplicationReport;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The newest service status a node's guest reported, with the volume usage it measured. */
@Entity
@Table(name = "service_statuses")
public class ServiceStatusRecord {

    @Id
    private UUID nodeId;
    @Enumerated(EnumType.STRING)
    private ServiceStatus status;
    private String statusDescription;
    /** The guest's clock when sent. */
    private Instant sentAt;
    /** The conductor's clock when accepted; heartbeat expiry is measured from it. */
    private Instant updatedAt;
    private Long volumeUsedBytes;
    private Long volumeTotalBytes;
    /** How often the guest started the server again after a crash; null until a guest that supervises tells. */
    private Integer restarts;
    private Instant lastCrash;
    /** As the last heartbeat told: null from a datastore without replication, or a guest that does not tell. */
    private Boolean awaitingConfirmation;
    /** A replica's, on the conductor's clock: since when it cannot reach its master; null while it can. */
    private Instant masterUnreachableSince;
    /** A master's: whether every commit it acknowledges is held by a replica too. */
    private Boolean syncReplication;
    private Instant syncReplicationSince;

    protected ServiceStatusRecord() {
    }

    public ServiceStatusRecord(UUID nodeId) {
        this.nodeId = nodeId;
    }

    public void report(ServiceStatus status, String description, Instant sentAt, Instant receivedAt) {
        this.status = status;
        this.statusDescription = description;
        this.sentAt = sentAt;
        this.updatedAt = receivedAt;
    }

    public void volume(Long usedBytes, Long totalBytes) {
        if (usedBytes != null) {
            this.volumeUsedBytes = usedBytes;
        }
        if (totalBytes != null) {
            this.volumeTotalBytes = totalBytes;
        }
    }

    /** What the guest's supervision of its server counted; a guest that does not supervise tells nothing. */
    public void supervision(Integer restartCount, Instant lastCrashAt) {
        if (restartCount != null) {
            this.restarts = restartCount;
        }
        if (lastCrashAt != null) {
            this.lastCrash = lastCrashAt;
        }
    }

    /**
     * What a replicated datastore's guest told with this heartbeat, sent at {@code sentAt} on its clock and received
     * at {@code receivedAt} on the conductor's: a replica's unreachable-since is kept on the conductor's clock, so
     * that the guest's clock does not matter. Nothing from other datastores.
     */
    public void replication(ReplicationReport report, Instant sentAt, Instant receivedAt) {
        if (report == null) {
            awaitingConfirmation = null;
            masterUnreachableSince = null;
            syncReplication = null;
            syncReplicationSince = null;
            return;
        }
        awaitingConfirmation = report.awaitingConfirmation();
        masterUnreachableSince = report.masterUnreachableSince() == null || sentAt == null ? null
                : receivedAt.minus(Duration.between(report.masterUnreachableSince(), sentAt));
        if (!Objects.equals(syncReplication, report.syncReplication())) {
            syncReplication = report.syncReplication();
            syncReplicationSince = receivedAt;
        }
    }

    public Boolean getAwaitingConfirmation() {
        return awaitingConfirmation;
    }

    public Instant getMasterUnreachableSince() {
        return masterUnreachableSince;
    }

    public Boolean getSyncReplication() {
        return syncReplication;
    }

    public Instant getSyncReplicationSince() {
        return syncReplicationSince;
    }

    public Integer getRestarts() {
        return restarts;
    }

    public Instant getLastCrash() {
        return lastCrash;
    }

    /** Set by the conductor's sweeper once heartbeats have stopped for longer than the expiry. */
    public void expire(Instant now) {
        this.status = ServiceStatus.SHUTDOWN;
        this.statusDescription = "no heartbeat since " + updatedAt;
    }

    public UUID getNodeId() {
        return nodeId;
    }

    public ServiceStatus getStatus() {
        return status;
    }

    public String getStatusDescription() {
        return statusDescription;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getVolumeUsedBytes() {
        return volumeUsedBytes;
    }

    public Long getVolumeTotalBytes() {
        return volumeTotalBytes;
    }
}
