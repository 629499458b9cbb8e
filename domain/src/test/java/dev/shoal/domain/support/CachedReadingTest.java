package dev.shoal.domain.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsAtMostOncePerTtl() {
        CachedReading<Integer> reading = new CachedReading<>(Duration.ofSeconds(10), clock, reads::incrementAndGet, 0);

        assertThat(reading.get()).isEqualTo(1);
        clock.move(Duration.ofSeconds(9));
        assertThat(reading.get()).isEqualTo(1);
        clock.move(Duration.ofSeconds(1));
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

}
