package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConductorPropertiesTest {

    private static final Duration FLUSH = Duration.ofSeconds(1);

    @Test
    void sweepsAsOftenAsHeartbeatsArriveUnlessToldOtherwise() {
        assertThat(new ConductorProperties(Duration.ofSeconds(7), Duration.ofSeconds(90), null, 3, FLUSH)
                .sweepInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(new ConductorProperties(Duration.ofSeconds(7), Duration.ofSeconds(90), Duration.ofSeconds(1), 3,
                FLUSH).sweepInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void flushesEverySecondOrATenthOfTheExpiryWhenThatIsShorter() {
        assertThat(new ConductorProperties(Duration.ofSeconds(10), Duration.ofSeconds(90), null, 3, null)
                .flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new ConductorProperties(Duration.ofSeconds(1), Duration.ofSeconds(3), null, 3, null)
                .flushInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(new ConductorProperties(Duration.ofSeconds(1), Duration.ofSeconds(3), null, 3, FLUSH)
                .flushInterval()).isEqualTo(FLUSH);
    }
}
