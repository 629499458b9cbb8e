package dev.shoal.api.security;

import java.util.Optional;

/**
 * Tokens another service issued (Keystone's), asked about when a token is not one of Shoal's own. Empty when that
 * service does not know the token, has revoked it or it has expired.
 */
public interface ExternalTokens {

    Optional<Caller> caller(String token);

    /** What a 401 tells the client in {@code WWW-Authenticate}, so it knows where to get a token; empty for none. */
    Optional<String> challenge();
}
