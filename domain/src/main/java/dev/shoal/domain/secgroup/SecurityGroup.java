package dev.shoal.domain.secgroup;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The sources a node admits to its client port, as Trove's security group of an instance: every node has one
 * from its creation, and it lives as long as the node does. The rules are {@link SecurityGroupRule}s.
 */
@Entity
@Table(name = "security_groups")
public class SecurityGroup extends AssignedIdEntity<UUID> {

    /** Trove's {@code trove_security_group_name_prefix}. */
    public static final String NAME_PREFIX = "SecGroup_";

    @Id
    private UUID id;
    private String tenantId;
    private UUID nodeId;
    private UUID instanceId;
    private String name;
    private String description;
    @Column(name = "is_public")
    private boolean isPublic;
    @Enumerated(EnumType.STRING)
    private Enforcement enforcement;
    private String enforcementMessage;
    private Instant created;
    private Instant updated;

    protected SecurityGroup() {
    }

    /** @param instanceId the id Trove's clients know the node by: its instance's, or a cluster node's own */
    public SecurityGroup(String tenantId, UUID nodeId, UUID instanceId, boolean isPublic, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.nodeId = nodeId;
        this.instanceId = instanceId;
        this.name = NAME_PREFIX + instanceId;
        this.description = "Security Group for " + instanceId;
        this.isPublic = isPublic;
        this.enforcement = Enforcement.PENDING;
        this.created = now;
        this.updated = now;
    }

    /** Its rules changed: what the firewall does no longer says what the group holds until it is applied. */
    public void changed(Instant now) {
        this.enforcement = Enforcement.PENDING;
        this.enforcementMessage = null;
        this.updated = now;
    }

    public void publicAccess(boolean newIsPublic, Instant now) {
        this.isPublic = newIsPublic;
        changed(now);
    }

    /** What the compute driver reported having done with the rules. */
    public void enforcement(Enforcement newEnforcement, String message, Instant now) {
        this.enforcement = newEnforcement;
        this.enforcementMessage = message == null || message.length() <= 1024 ? message : message.substring(0, 1024);
        this.updated = now;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public UUID getNodeId() {
        return nodeId;
    }

    public UUID getInstanceId() {
        return instanceId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isPublic() {
        return isPublic;
    }

    public Enforcement getEnforcement() {
        return enforcement;
    }

    public String getEnforcementMessage() {
        return enforcementMessage;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }
}
