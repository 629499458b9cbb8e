package dev.shoal.domain.cluster;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A group of nodes of one datastore; its workflows arrive with the clustering work. */
@Entity
@Table(name = "clusters")
public class Cluster {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private UUID datastoreVersionId;
    private String task;
    private String taskDescription;
    private Instant taskStartTime;
    private Instant created;
    private Instant updated;
    private Instant deletedAt;

    protected Cluster() {
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
}
