package dev.shoal.conductor.heartbeat;

import dev.shoal.domain.support.CachedReading;
import io.micrometer.core.instrument.DistributionSummary;
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
 * How fresh the guests' heartbeats are: {@code shoal.heartbeat.age}, the seconds since the stalest heartbeat among
 * live nodes not yet marked SHUTDOWN (read on a scrape, at most once per {@link #REFRESH}), and
 * {@code shoal.heartbeat.delay}, how late each applied or coalesced heartbeat arrived after its guest sent it.
 */
@Component
class HeartbeatMeters {

    static final String AGE = "shoal.heartbeat.age";
    static final String DELAY = "shoal.heartbeat.delay";
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DistributionSummary delays;

    HeartbeatMeters(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        CachedReading<Double> age = new CachedReading<>(REFRESH, clock, this::oldestAgeSeconds, Double.NaN);
        Gauge.builder(AGE, age, CachedReading::get)
                .description("Seconds since the stalest heartbeat of a live node the conductor has not marked SHUTDOWN")
                .baseUnit("seconds")
                .register(registry);
        this.delays = DistributionSummary.builder(DELAY)
                .description("How long after its sending a heartbeat was accepted")
                .baseUnit("seconds")
                .register(registry);
    }

    void applied(Instant sentAt) {
        if (sentAt != null) {
            delays.record(Math.max(0, Duration.between(sentAt, clock.instant()).toMillis() / 1000.0));
        }
    }

    private double oldestAgeSeconds() {
        Optional<Timestamp> stalest = jdbc.sql("""
                        select min(s.updated_at) from service_statuses s join nodes n on n.id = s.node_id
                         where n.deleted_at is null and s.status <> 'SHUTDOWN'""")
                .query(Timestamp.class).optional();
        return stalest.map(Timestamp::toInstant)
                .map(seen -> Math.max(0, Duration.between(seen, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
