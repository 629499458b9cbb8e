package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void runsOnlyTheFiguresNamedWhateverTheirCase() {
        BenchSettings settings = BenchSettings.from(Map.of("BENCH_ONLY", "p2, P3"));

        assertThat(settings.runs(named("P2"))).isTrue();
        assertThat(settings.runs(named("P3"))).isTrue();
        assertThat(settings.runs(named("MEMORY"))).isFalse();
        assertThat(BenchSettings.from(Map.of()).runs(named("MEMORY"))).isTrue();
    }

    @Test
    void scalesEveryPhaseButNeverBelowASecond() {
        BenchSettings quick = BenchSettings.from(Map.of("BENCH_SECONDS", "0.3"));

        assertThat(quick.phase(15)).isEqualTo(Duration.ofMillis(4500));
        assertThat(quick.phase(2)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void runsFewerRealNodesInAShortenedRunUnlessTold() {
        assertThat(BenchSettings.from(Map.of()).nodes()).isEqualTo(30);
        assertThat(BenchSettings.from(Map.of("BENCH_SECONDS", "0.3")).nodes()).isEqualTo(9);
        assertThat(BenchSettings.from(Map.of("BENCH_SECONDS", "0.3", "BENCH_NODES", "30")).nodes()).isEqualTo(30);
    }

    private static Figure named(String name) {
        return new Figure() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public java.util.List<Measurement> run(BenchContext context) {
                return java.util.List.of();
            }
        };
    }
}
