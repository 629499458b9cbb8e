package dev.shoal.domain.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database at most once per {@code ttl}, however often it is asked for: what a gauge shows, so
 * that frequent scrapes (or several scrapers) do not each run the query. A failed read is not retried within the ttl
 * either, so a scrape during a database outage answers at once with the fallback.
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final Duration ttl;
    private final Clock clock;
    private final Supplier<T> read;
    private final T fallback;
    private Instant readAt;
    private T value;

    public CachedReading(Duration ttl, Clock clock, Supplier<T> read, T fallback) {
        this.ttl = ttl;
        this.clock = clock;
        this.read = read;
        this.fallback = fallback;
        this.value = fallback;
    }

    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(ttl))) {
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                log.debug("a reading for metrics failed: {}", e.getMessage());
                value = fallback;
            }
        }
        return value;
    }
}
