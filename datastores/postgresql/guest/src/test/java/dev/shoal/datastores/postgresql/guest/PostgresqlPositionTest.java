package dev.shoal.datastores.postgresql.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresqlPositionTest {

    @Test
    void anLsnIsTheSequenceOfOneDomainInBytes() {
        assertThat(PostgresqlPosition.fromLsn("0/5000060")).isEqualTo("0-0-83886176");
        assertThat(PostgresqlPosition.fromLsn("1/0")).isEqualTo("0-0-4294967296");
    }

    @Test
    void laterLsnsAreLargerSequencesAcrossTheHighHalf() {
        long before = Long.parseLong(PostgresqlPosition.fromLsn("0/FFFFFFFF").substring(4));
        long after = Long.parseLong(PostgresqlPosition.fromLsn("1/10").substring(4));
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aPositionGoesBackToItsLsnAndAnLsnIsTakenAsItIs() {
        assertThat(PostgresqlPosition.toLsn(PostgresqlPosition.fromLsn("2A/5000060"))).isEqualTo("2A/5000060");
        assertThat(PostgresqlPosition.toLsn("0/16B3748")).isEqualTo("0/16B3748");
    }

    @Test
    void noWalYetIsPositionZero() {
        assertThat(PostgresqlPosition.fromLsn(null)).isEqualTo("0-0-0");
    }

    @Test
    void refusesWhatIsNeither() {
        assertThatThrownBy(() -> PostgresqlPosition.toLsn("0-1-42,1-3-7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresqlPosition.fromLsn("42")).isInstanceOf(IllegalArgumentException.class);
    }
}
