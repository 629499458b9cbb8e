package dev.shoal.api.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Counts authentication failures per client address in Bucket4j token buckets kept in PostgreSQL (table {@code
 * auth_failure_buckets}), so every api process draws on the same allowance: spreading guesses over processes
 * does not multiply it. A bucket is dropped once it would be full again.
 */
class AuthFailureLimiter {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureLimiter.class);
    private static final int REMOVE_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> configuration;

    AuthFailureLimiter(DataSource dataSource, AuthFailureLimitProperties properties) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("auth_failure_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        BucketConfiguration limit = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(properties.capacity())
                        .refillGreedy(properties.capacity(), properties.period()))
                .build();
        this.configuration = () -> limit;
    }

    /** @return how long the address must wait when this failure is one past its allowance, else empty */
    Optional<Duration> recordFailure(String address) {
        ConsumptionProbe probe = buckets.builder().build(address, configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Failures an address may still make now; a full allowance for an address never seen. */
    long remaining(String address) {
        return buckets.builder().build(address, configuration).getAvailableTokens();
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void removeFullBuckets() {
        int removed;
        do {
            removed = buckets.removeExpired(REMOVE_BATCH);
            if (removed > 0) {
                log.debug("dropped {} authentication-failure buckets back at full allowance", removed);
            }
        } while (removed == REMOVE_BATCH);
    }
}
