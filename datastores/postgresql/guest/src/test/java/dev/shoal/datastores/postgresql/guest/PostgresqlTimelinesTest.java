package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresqlTimelinesTest {

    private static final String HISTORY = """
            1\t0/3000158\tno recovery target specified

            2\t0/5000060\tno recovery target specified
            """;

    @Test
    void aServerOnAnAncestorTimelineThatEndedBeforeTheSwitchHoldsAPrefix() {
        PostgresqlTimelines primary = PostgresqlTimelines.parse(3, HISTORY);

        assertThat(primary.holds(1, PostgresqlPosition.bytes("0/3000158"))).isTrue();
        assertThat(primary.holds(2, PostgresqlPosition.bytes("0/4000000"))).isTrue();
        assertThat(primary.holds(3, PostgresqlPosition.bytes("9/0"))).as("the primary's own timeline").isTrue();
    }

    @Test
    void walPastTheSwitchOrOnATimelineTheHistoryLacksForkedOff() {
        PostgresqlTimelines primary = PostgresqlTimelines.parse(3, HISTORY);

        assertThat(primary.holds(1, PostgresqlPosition.bytes("0/30001D0"))).as("its shutdown checkpoint").isFalse();
        assertThat(primary.holds(4, PostgresqlPosition.bytes("0/1000000"))).isFalse();
        assertThat(PostgresqlTimelines.parse(1, "").holds(2, 0)).isFalse();
    }

    @Test
    void namesTheHistoryFileAsTheServerDoes() {
        assertThat(PostgresqlTimelines.historyFile(26)).isEqualTo("0000001A.history");
    }
}
