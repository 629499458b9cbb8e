package dev.shoal.api.security;

import dev.shoal.domain.tenant.TokenRole;
import java.util.UUID;

/** Who is calling: the token's id, its role, and for a tenant token its tenant. */
public record Caller(UUID tokenId, TokenRole role, String tenantId) {

    public boolean isOperator() {
        return role == TokenRole.OPERATOR;
    }

    public String name() {
        return isOperator() ? "operator:" + tokenId : tenantId + ":" + tokenId;
    }
}
