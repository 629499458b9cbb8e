package dev.shoal.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void summarisesNearestRankPercentilesInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            latencies.record(ms * 1_000_000L);
        }

        LatencySummary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.mean()).isCloseTo(50.5, within(1e-9));
    }

    @Test
    void mergesWhatEachThreadRecorded() {
        Latencies one = new Latencies();
        Latencies other = new Latencies();
        for (int i = 0; i < 3000; i++) {
            one.record(1_000_000L);
            other.record(3_000_000L);
        }

        LatencySummary summary = Latencies.merge(List.of(one, other)).summary();

        assertThat(summary.count()).isEqualTo(6000);
        assertThat(summary.p50()).isEqualTo(1.0);
        assertThat(summary.p99()).isEqualTo(3.0);
    }

    @Test
    void anEmptyPhaseHasNoPercentiles() {
        assertThat(new Latencies().summary().p99()).isNaN();
    }
}
