package dev.shoal.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A log's status and pending bytes as Trove shows them, from what its guest reported and what was published. */
class InstanceLogTest {

    private static final Instant NOW = Instant.parse("2026-12-07T07:00:00Z");

    private final InstanceLog log = new InstanceLog("acme", UUID.randomUUID(), "slow_query", NOW);

    @Test
    void aUserLogIsDisabledUntilSwitchedOnThenReadyOncePendingThenPublished() {
        log.reported("USER", false, false, 0, NOW);
        assertThat(log.status(0)).isEqualTo("Disabled");

        log.reported("USER", true, false, 0, NOW);
        assertThat(log.status(0)).isEqualTo("Enabled");
        log.reported("USER", true, false, 500, NOW);
        assertThat(log.status(0)).isEqualTo("Ready");
        assertThat(log.pending()).isEqualTo(500);

        log.publishedUpTo(500, NOW);
        assertThat(log.status(500)).isEqualTo("Published");
        log.reported("USER", true, false, 800, NOW);
        assertThat(log.pending()).isEqualTo(300);
        assertThat(log.status(500)).isEqualTo("Partial");
    }

    @Test
    void aRotatedFileIsPendingWholeAndASwitchAwaitingARestartSaysSo() {
        log.reported("SYS", true, false, 1000, NOW);
        log.publishedUpTo(1000, NOW);
        log.reported("SYS", true, false, 40, NOW);

        assertThat(log.pending()).isEqualTo(40);
        log.reported("USER", true, true, 40, NOW);
        assertThat(log.status(1000)).isEqualTo("Restart Required");
        assertThat(log.prefix("mysql")).isEqualTo(log.getInstanceId() + "/mysql-slow_query/");
    }
}
