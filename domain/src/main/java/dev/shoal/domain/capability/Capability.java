package dev.shoal.domain.capability;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Something a datastore version may offer, by default for standalone instances and for cluster nodes. */
@Entity
@Table(name = "capabilities")
public class Capability {

    @Id
    private UUID id;
    private String name;
    private String description;
    private boolean enabled;
    private boolean enabledCluster;

    protected Capability() {
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isEnabledCluster() {
        return enabledCluster;
    }
}
