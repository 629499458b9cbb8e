package dev.shoal.domain.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsAtMostOncePerTtl() {
        CachedReading<Integer> reading = new CachedReading<>(Duration.ofSeconds(10), clock, reads::incrementAndGet, 0);

        assertThat(reading.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(9));
        assertThat(reading.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reading.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void answersTheFallbackWithoutAskingAgainWhileAReadFailed() {
        CachedReading<Integer> reading = new CachedReading<>(Duration.ofSeconds(10), clock, () -> {
            reads.incrementAndGet();
            throw new IllegalStateException("database unreachable");
        }, -1);

        assertThat(reading.get()).isEqualTo(-1);
        assertThat(reading.get()).isEqualTo(-1);
        assertThat(reads).hasValue(1);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
