package dev.shoal.api.idempotency;

import java.util.UUID;

/**
 * Whose keys a key is among: the calling token's, named by its id (never its secret). A token belongs to one tenant,
 * so this is also the tenant's scope; the tenant is kept beside it to say whose a key is.
 */
record KeyScope(UUID tokenId, String tenantId) {
}
