package dev.shoal.domain.capability;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A datastore version's own say on a capability; a null flag leaves the capability's default. */
@Entity
@Table(name = "capability_overrides")
public class CapabilityOverride {

    @EmbeddedId
    private Key key;
    private Boolean enabled;
    private Boolean enabledCluster;

    protected CapabilityOverride() {
    }

    public CapabilityOverride(UUID capabilityId, UUID datastoreVersionId) {
        this.key = new Key(capabilityId, datastoreVersionId);
    }

    public void set(Boolean newEnabled, Boolean newEnabledCluster) {
        if (newEnabled != null) {
            this.enabled = newEnabled;
        }
        if (newEnabledCluster != null) {
            this.enabledCluster = newEnabledCluster;
        }
    }

    public UUID getCapabilityId() {
        return key.capabilityId;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public Boolean getEnabledCluster() {
        return enabledCluster;
    }

    @Embeddable
    public record Key(UUID capabilityId, UUID datastoreVersionId) implements Serializable {
    }
}
