package dev.shoal.domain.tenant;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API token; only the SHA-256 hash of its secret is kept. */
@Entity
@Table(name = "auth_tokens")
public class AuthToken extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private String tenantId;
    @Enumerated(EnumType.STRING)
    private TokenRole role;
    private String name;
    private String tokenHash;
    private Instant created;
    private Instant revokedAt;

    protected AuthToken() {
    }

    private AuthToken(String tenantId, TokenRole role, String name, String tokenHash, Instant created) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.role = role;
        this.name = name;
        this.tokenHash = tokenHash;
        this.created = created;
    }

    public static AuthToken operator(String name, String tokenHash, Instant created) {
        return new AuthToken(null, TokenRole.OPERATOR, name, tokenHash, created);
    }

    public static AuthToken forTenant(String tenantId, String name, String tokenHash, Instant created) {
        return new AuthToken(tenantId, TokenRole.TENANT, name, tokenHash, created);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public TokenRole getRole() {
        return role;
    }

    public String getName() {
        return name;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
