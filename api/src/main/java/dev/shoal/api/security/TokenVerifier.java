package dev.shoal.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shoal.domain.tenant.AuthToken;
import dev.shoal.domain.tenant.AuthTokenRepository;
import java.util.Optional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Finds who a token's secret belongs to. A token found valid is remembered by its hash for the configured moment, so
 * a client's burst of requests costs one query. The process that revokes a token forgets it once the revocation
 * commits; the others, which nothing tells, refuse it once that moment has passed. A secret that matches nothing is
 * never remembered: it is asked about again, and counted as a failure each time.
 */
class TokenVerifier {

    /** Far more tokens than one process serves within a second; only a flood of valid tokens would reach it. */
    private static final long MAX_REMEMBERED = 100_000;

    private final AuthTokenRepository tokens;
    private final Cache<String, Caller> valid;

    TokenVerifier(AuthTokenRepository tokens, TokenCacheProperties properties) {
        this.tokens = tokens;
        this.valid = properties.enabled() ? Caffeine.newBuilder().expireAfterWrite(properties.tokenCacheTtl())
                .maximumSize(MAX_REMEMBERED).build() : null;
    }

    Optional<Caller> caller(String secret) {
        String hash = TokenSecrets.hash(secret);
        if (valid == null) {
            return find(hash);
        }
        // a mapping function answering null leaves nothing behind
        return Optional.ofNullable(valid.get(hash, key -> find(key).orElse(null)));
    }

    /**
     * After the commit: forgotten before it, the token could be looked up and remembered again while the revocation
     * is not yet visible.
     */
    @TransactionalEventListener
    void forget(TokenRevoked revoked) {
        if (valid != null) {
            // revocations are rare: a scan of what is remembered beats keeping a second index by id
            valid.asMap().values().removeIf(caller -> caller.tokenId().equals(revoked.tokenId()));
        }
    }

    private Optional<Caller> find(String hash) {
        return tokens.findByTokenHashAndRevokedAtIsNull(hash).map(TokenVerifier::caller);
    }

    private static Caller caller(AuthToken token) {
        return new Caller(token.getId(), token.getRole(), token.getTenantId(), token.getName());
    }
}
