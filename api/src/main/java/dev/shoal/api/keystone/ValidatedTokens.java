package dev.shoal.api.keystone;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keystone's answers about tokens, by the token's hash (the token itself is a credential, and is not kept). An answer
 * is believed for the configured time, and never past the token's own {@code expires_at}: an expired token is
 * refused even while its answer would otherwise be fresh. Time is the injected clock's, so tests can move it.
 */
class ValidatedTokens {

    private static final long MAX_REMEMBERED = 100_000;

    private final Cache<String, KeystoneToken> answers;
    private final Clock clock;

    ValidatedTokens(Duration ttl, Clock clock) {
        this.clock = clock;
        this.answers = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .maximumSize(MAX_REMEMBERED)
                .expireAfter(Expiry.<String, KeystoneToken>creating((hash, token) -> lifetime(token, ttl)))
                .build();
    }

    Optional<KeystoneToken> find(String hash) {
        KeystoneToken token = answers.getIfPresent(hash);
        // the cache's own expiry runs on whole milliseconds; the token's deadline is checked as such too
        return token != null && clock.instant().isBefore(token.expiresAt()) ? Optional.of(token) : Optional.empty();
    }

    void remember(String hash, KeystoneToken token) {
        answers.put(hash, token);
    }

    void forget(String hash) {
        answers.invalidate(hash);
    }

    private Duration lifetime(KeystoneToken token, Duration ttl) {
        Duration untilExpiry = Duration.between(clock.instant(), token.expiresAt());
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl;
    }
}
