package dev.shoal.domain.cluster;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A group of nodes of one datastore that serve as one database: a Cassandra ring, a replica set, a master and its replicas. */
@Entity
@Table(name = "clusters")
public class Cluster extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private UUID datastoreVersionId;
    private String flavorId;
    private int volumeSize;
    private UUID configurationId;
    @Enumerated(EnumType.STRING)
    private ClusterTask task;
    private String taskDescription;
    private Instant taskStartTime;
    private String fault;
    /** Whether a replication cluster fails over by itself when its master dies. */
    private boolean autoFailover = true;
    private Instant created;
    private Instant updated;
    private Instant deletedAt;

    protected Cluster() {
    }

    public Cluster(String tenantId, String name, UUID datastoreVersionId, String flavorId, int volumeSize,
                   UUID configurationId, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.datastoreVersionId = datastoreVersionId;
        this.flavorId = flavorId;
        this.volumeSize = volumeSize;
        this.configurationId = configurationId;
        this.created = now;
        startTask(ClusterTask.BUILDING, "Building the cluster", now);
    }

    public void startTask(ClusterTask newTask, String description, Instant now) {
        this.task = newTask;
        this.taskDescription = description;
        this.taskStartTime = now;
        this.updated = now;
    }

    /** A finished task clears an earlier fault: the cluster is what this task made it. */
    public void finishTask(Instant now) {
        this.task = ClusterTask.NONE;
        this.taskDescription = null;
        this.taskStartTime = null;
        this.fault = null;
        this.updated = now;
    }

    public void fail(String reason, Instant now) {
        this.task = ClusterTask.NONE;
        this.taskDescription = null;
        this.taskStartTime = null;
        this.fault = reason == null ? "failed" : reason.substring(0, Math.min(reason.length(), 1024));
        this.updated = now;
    }

    public void markDeleted(Instant now) {
        this.deletedAt = now;
        this.task = ClusterTask.NONE;
        this.updated = now;
    }

    public void autoFailover(boolean on, Instant now) {
        if (autoFailover != on) {
            this.autoFailover = on;
            this.updated = now;
        }
    }

    public boolean isAutoFailover() {
        return autoFailover;
    }

    public boolean isBusy() {
        return task != ClusterTask.NONE;
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

    public UUID getDatastoreVersionId() {
        return datastoreVersionId;
    }

    public String getFlavorId() {
        return flavorId;
    }

    public int getVolumeSize() {
        return volumeSize;
    }

    public UUID getConfigurationId() {
        return configurationId;
    }

    public ClusterTask getTask() {
        return task;
    }

    public String getTaskDescription() {
        return taskDescription;
    }

    public Instant getTaskStartTime() {
        return taskStartTime;
    }

    public String getFault() {
        return fault;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
