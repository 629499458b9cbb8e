package dev.shoal.api.security;

import dev.shoal.domain.tenant.TokenRole;
import java.util.UUID;

/**
 * Who is calling: the token's id, its role, for a tenant token its tenant, and the name it was given. A read-only
 * caller (a Keystone reader) may only read, whatever its role.
 */
public record Caller(UUID tokenId, TokenRole role, String tenantId, String tokenName, boolean readOnly) {

    public Caller(UUID tokenId, TokenRole role, String tenantId, String tokenName) {
        this(tokenId, role, tenantId, tokenName, false);
    }

    public boolean isOperator() {
        return role == TokenRole.OPERATOR;
    }

    public String name() {
        return isOperator() ? "operator:" + tokenId : tenantId + ":" + tokenId;
    }

    /** The token's name, as operations show who asked for them; its id when it was given none. */
    public String displayName() {
        return tokenName == null || tokenName.isBlank() ? name() : tokenName;
    }
}
