package dev.shoal.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.domain.PostgresTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ProcessedMessagesTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Test
    void forgetsOnlyTheIdsMarkedBeforeTheCutoff() {
        ProcessedMessages then = at(T0);
        ProcessedMessages later = at(T0.plus(Duration.ofHours(2)));
        assertThat(then.markFirstDelivery("conductor", "old")).isTrue();
        assertThat(later.markFirstDelivery("conductor", "recent")).isTrue();

        assertThat(later.forgetMarkedBefore(T0.plus(Duration.ofHours(1)))).isEqualTo(1);

        assertThat(later.markFirstDelivery("conductor", "old")).as("forgotten").isTrue();
        assertThat(later.markFirstDelivery("conductor", "recent")).as("still known").isFalse();
    }

    private ProcessedMessages at(Instant now) {
        return new ProcessedMessages(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }
}
