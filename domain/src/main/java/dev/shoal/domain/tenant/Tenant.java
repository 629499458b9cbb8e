package dev.shoal.domain.tenant;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tenants")
public class Tenant extends AssignedIdEntity<String> {

    @Id
    private String id;
    private String name;
    private Instant created;
    private Instant deletedAt;
    private Integer maxInstances;
    private Integer maxVolumes;
    private Integer maxBackups;

    protected Tenant() {
    }

    public Tenant(String id, String name, Instant created) {
        this.id = id;
        this.name = name;
        this.created = created;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreated() {
        return created;
    }

    /** The tenant's own limit on nodes (instances and cluster members), or empty for the service's default. */
    public java.util.Optional<Integer> getMaxInstances() {
        return java.util.Optional.ofNullable(maxInstances);
    }

    /** The tenant's own limit on volume gigabytes, or empty for the service's default. */
    public java.util.Optional<Integer> getMaxVolumes() {
        return java.util.Optional.ofNullable(maxVolumes);
    }

    /** The tenant's own limit on backups, or empty for the service's default. */
    public java.util.Optional<Integer> getMaxBackups() {
        return java.util.Optional.ofNullable(maxBackups);
    }

    /** -1 lifts a limit; null keeps it as it is. */
    public void limit(Integer instances, Integer volumes, Integer backups) {
        if (instances != null) {
            this.maxInstances = instances;
        }
        if (volumes != null) {
            this.maxVolumes = volumes;
        }
        if (backups != null) {
            this.maxBackups = backups;
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
