package dev.shoal.domain.node;

import dev.shoal.contracts.ServiceStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

    /** Whether the node, a master started again unasked, refuses writes until the control plane confirms it. */
    public void awaitingConfirmation(Boolean awaiting) {
        this.awaitingConfirmation = awaiting;
    }

    public Boolean getAwaitingConfirmation() {
        return awaitingConfirmation;
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
