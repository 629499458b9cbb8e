package dev.shoal.api.outbox;

import dev.shoal.domain.support.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code shoal.outbox.lag}: how long the oldest message not yet relayed to the broker has waited, in seconds (zero
 * when none waits). Read on a scrape through the outbox's index of unpublished rows, at most once per
 * {@link #REFRESH}.
 */
@Component
class OutboxMeters {

    static final String LAG = "shoal.outbox.lag";
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxMeters(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        CachedReading<Double> lag = new CachedReading<>(REFRESH, clock, this::lagSeconds, Double.NaN);
        Gauge.builder(LAG, lag, CachedReading::get)
                .description("Age of the oldest outbox message not yet published to the broker")
                .baseUnit("seconds")
                .register(registry);
    }

    private double lagSeconds() {
        Optional<Timestamp> oldest = jdbc.sql("select min(created) from outbox where published_at is null")
                .query(Timestamp.class).optional();
        return oldest.map(Timestamp::toInstant)
                .map(created -> Math.max(0, Duration.between(created, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
