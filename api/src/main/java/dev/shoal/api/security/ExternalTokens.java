package dev.shoal.api.security;

import java.util.Optional;

/**
 * Tokens another service issued (Keystone's), asked about when a token is not one of Shoal's own. Empty when that
 * service does not know the token, has revoked it or it has expired.
 */
public interface ExternalTokens {

    Optional<Caller> caller(String token);

    /**
     * What this process already knows of the token, without asking anyone: looked at before Shoal's own tokens, so a
     * Keystone token's requests cost no database lookup while its answer is remembered.
     */
    Optional<Caller> remembered(String token);

    /** What a 401 tells the client in {@code WWW-Authenticate}, so it knows where to get a token; empty for none. */
    Optional<String> challenge();
}
