package dev.shoal.api.security;

import java.util.UUID;

/**
 * A token was revoked. Published in the revoking transaction: once it commits, the process that revoked the token
 * refuses it at once; the others do when their cache of valid tokens lets go of it.
 */
public record TokenRevoked(UUID tokenId) {
}
