package dev.shoal.domain.tenant;

/** An operator acts in every tenant and manages tenants; a tenant token acts in its own tenant only. */
public enum TokenRole {
    OPERATOR,
    TENANT
}
