package dev.shoal.domain.configuration;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A configuration group: named parameter values for one datastore version, attached to instances. */
@Entity
@Table(name = "configurations")
public class Configuration extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private String description;
    private UUID datastoreVersionId;
    private Instant created;
    private Instant updated;
    private Instant deletedAt;
    private UUID nodeId;

    protected Configuration() {
    }

    public Configuration(String tenantId, String name, String description, UUID datastoreVersionId, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.datastoreVersionId = datastoreVersionId;
        this.created = now;
        this.updated = now;
    }

    /** A node's own group, created with the node: the settings it shares with its cluster, read-only. */
    public static Configuration ofNode(String tenantId, String name, String description, UUID datastoreVersionId,
                                       UUID nodeId, Instant now) {
        Configuration own = new Configuration(tenantId, name, description, datastoreVersionId, now);
        own.nodeId = nodeId;
        return own;
    }

    /** The node whose own group this is, or empty for a tenant's group. */
    public java.util.Optional<UUID> getNodeId() {
        return java.util.Optional.ofNullable(nodeId);
    }

    public void rename(String newName, String newDescription, Instant now) {
        if (newName != null) {
            this.name = newName;
        }
        if (newDescription != null) {
            this.description = newDescription;
        }
        this.updated = now;
    }

    public void touch(Instant now) {
        this.updated = now;
    }

    public void markDeleted(Instant now) {
        this.deletedAt = now;
        this.updated = now;
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

    public UUID getDatastoreVersionId() {
        return datastoreVersionId;
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
