package dev.shoal.domain.configuration;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A configuration group; parameters and their metadata arrive with the catalog work. */
@Entity
@Table(name = "configurations")
public class Configuration {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private String description;
    private UUID datastoreVersionId;
    private Instant created;
    private Instant updated;
    private Instant deletedAt;

    protected Configuration() {
    }

    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public UUID getDatastoreVersionId() {
        return datastoreVersionId;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
