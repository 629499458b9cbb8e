package dev.shoal.domain.instance;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant-facing standalone database made of one node; a MySQL instance may be a slave of another. */
@Entity
@Table(name = "instances")
public class Instance extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private UUID datastoreVersionId;
    private String flavorId;
    private int volumeSize;
    private UUID configurationId;
    private UUID slaveOf;
    /**
     * The replication set it belongs to, which outlives any one master: the id of the instance the set began with, or
     * null for the instance's own set. A compute driver names and addresses a set's nodes by it.
     */
    private UUID replicationSet;
    /** Whether its replication set fails over by itself; every member keeps the set's setting, so a new master has it. */
    private boolean autoFailover = true;
    private Instant created;
    private Instant updated;
    private Instant deletedAt;

    protected Instance() {
    }

    public Instance(String tenantId, String name, UUID datastoreVersionId, String flavorId, int volumeSize,
                    UUID configurationId, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.datastoreVersionId = datastoreVersionId;
        this.flavorId = flavorId;
        this.volumeSize = volumeSize;
        this.configurationId = configurationId;
        this.created = now;
        this.updated = now;
    }

    /** A read-only replica of {@code master}, built from the master's snapshot. */
    public static Instance replicaOf(Instance master, String name, String flavorId, int volumeSize, Instant now) {
        Instance replica = new Instance(master.tenantId, name, master.datastoreVersionId, flavorId, volumeSize,
                master.configurationId, now);
        replica.slaveOf = master.id;
        replica.replicationSet = master.replicationSet();
        replica.autoFailover = master.autoFailover;
        return replica;
    }

    /** Replication stopped for good: the instance is a writable standalone one, the first of a set of its own. */
    public void detached(Instant now) {
        this.slaveOf = null;
        this.replicationSet = null;
        this.updated = now;
    }

    /** It takes its set's writes now (a switchover or a failover): it follows no one and stays in its set. */
    public void promoted(Instant now) {
        this.slaveOf = null;
        this.updated = now;
    }

    /** After a promotion or an ejection: the instance replicates from another master of its set. */
    public void follows(Instance master, Instant now) {
        if (master.id.equals(id)) {
            throw new IllegalArgumentException("instance " + id + " cannot follow itself");
        }
        this.slaveOf = master.id;
        this.replicationSet = master.replicationSet();
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

    public boolean isReplica() {
        return slaveOf != null;
    }

    /** Attaches a configuration group, or detaches with null. */
    public void configuration(UUID newConfigurationId, Instant now) {
        this.configurationId = newConfigurationId;
        this.updated = now;
    }

    /** The flavor and volume size the node is to run with (a resize), or goes back to after a failed one. */
    public void resize(String newFlavorId, int newVolumeSize, Instant now) {
        this.flavorId = newFlavorId;
        this.volumeSize = newVolumeSize;
        this.updated = now;
    }

    public void rename(String newName, Instant now) {
        this.name = newName;
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

    /** The set it replicates in: its own id until it is made a replica of another instance. */
    public UUID replicationSet() {
        return replicationSet != null ? replicationSet : id;
    }

    public UUID getSlaveOf() {
        return slaveOf;
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
