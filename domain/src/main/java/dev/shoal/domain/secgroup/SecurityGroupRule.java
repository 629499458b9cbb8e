package dev.shoal.domain.secgroup;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** One source (a CIDR in canonical form) allowed to reach a node's client port. */
@Entity
@Table(name = "security_group_rules")
public class SecurityGroupRule extends AssignedIdEntity<UUID> {

    public static final String TCP = "tcp";
    /** The order rules are shown and applied in: as they were added. */
    public static final Comparator<SecurityGroupRule> ORDER = Comparator.comparing(SecurityGroupRule::getCreated)
            .thenComparing(SecurityGroupRule::getId);

    @Id
    private UUID id;
    private UUID groupId;
    private String protocol;
    private int fromPort;
    private int toPort;
    private String cidr;
    private Instant created;

    protected SecurityGroupRule() {
    }

    public SecurityGroupRule(UUID groupId, int port, String cidr, Instant now) {
        this.id = UUID.randomUUID();
        this.groupId = groupId;
        this.protocol = TCP;
        this.fromPort = port;
        this.toPort = port;
        this.cidr = cidr;
        this.created = now;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getGroupId() {
        return groupId;
    }

    public String getProtocol() {
        return protocol;
    }

    public int getFromPort() {
        return fromPort;
    }

    public int getToPort() {
        return toPort;
    }

    public String getCidr() {
        return cidr;
    }

    public Instant getCreated() {
        return created;
    }
}
