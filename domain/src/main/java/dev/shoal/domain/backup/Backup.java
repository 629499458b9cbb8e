package dev.shoal.domain.backup;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A backup of an instance, as Trove keeps one: what was asked for, where its dump lies in the backup store with
 * its size and checksum, and why it failed when it did. It outlives its instance.
 */
@Entity
@Table(name = "backups")
public class Backup extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private String description;
    private UUID instanceId;
    private UUID datastoreVersionId;
    @Enumerated(EnumType.STRING)
    private BackupState state;
    private String location;
    private Long sizeBytes;
    private String checksum;
    private String contents;
    private String failReason;
    private Instant created;
    private Instant updated;
    private Instant deletedAt;

    protected Backup() {
    }

    public Backup(String tenantId, String name, String description, UUID instanceId, UUID datastoreVersionId,
                  Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.instanceId = instanceId;
        this.datastoreVersionId = datastoreVersionId;
        this.state = BackupState.NEW;
        this.created = now;
        this.updated = now;
    }

    public void building(Instant now) {
        if (state == BackupState.NEW) {
            state = BackupState.BUILDING;
            updated = now;
        }
    }

    /**
     * @param contents the databases and users Shoal held for the instance, as JSON
     */
    public void completed(String storedAt, long size, String sha256, String contents, Instant now) {
        this.location = storedAt;
        this.sizeBytes = size;
        this.checksum = sha256;
        this.contents = contents;
        this.state = BackupState.COMPLETED;
        this.failReason = null;
        this.updated = now;
    }

    public void failed(String reason, Instant now) {
        state = BackupState.FAILED;
        failReason = reason;
        updated = now;
    }

    /** The file could not be removed: the backup stays, and deleting it can be asked again. */
    public void deleteFailed(String reason, Instant now) {
        state = BackupState.DELETE_FAILED;
        failReason = reason;
        updated = now;
    }

    public void markDeleted(Instant now) {
        deletedAt = now;
        updated = now;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public UUID getInstanceId() {
        return instanceId;
    }

    public UUID getDatastoreVersionId() {
        return datastoreVersionId;
    }

    public BackupState getState() {
        return state;
    }

    /** Where the dump lies in the backup store, once it is there. */
    public Optional<String> getLocation() {
        return Optional.ofNullable(location);
    }

    public Optional<Long> getSizeBytes() {
        return Optional.ofNullable(sizeBytes);
    }

    public Optional<String> getChecksum() {
        return Optional.ofNullable(checksum);
    }

    /** What the instance held according to Shoal when the dump was taken, as JSON. */
    public Optional<String> getContents() {
        return Optional.ofNullable(contents);
    }

    public Optional<String> getFailReason() {
        return Optional.ofNullable(failReason);
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
