package dev.shoal.domain.instance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** That root was enabled, by whom and when; the password itself is never kept. */
@Entity
@Table(name = "root_enabled_history")
public class RootEnabledRecord {

    @Id
    private UUID id;
    private UUID nodeId;
    private UUID instanceId;
    private String enabledBy;
    private Instant created;

    protected RootEnabledRecord() {
    }

    public RootEnabledRecord(UUID nodeId, UUID instanceId, String enabledBy, Instant created) {
        this.id = UUID.randomUUID();
        this.nodeId = nodeId;
        this.instanceId = instanceId;
        this.enabledBy = enabledBy;
        this.created = created;
    }

    public UUID getId() {
        return id;
    }

    public UUID getInstanceId() {
        return instanceId;
    }

    public String getEnabledBy() {
        return enabledBy;
    }

    public Instant getCreated() {
        return created;
    }
}
