package dev.shoal.api.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.testsupport.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final CountingKeystone keystone = new CountingKeystone(clock);
    private final ServiceTokens tokens = new ServiceTokens(keystone, clock);

    @Test
    void keepsItsTokenUntilAWhileBeforeItExpires() {
        assertThat(tokens.current()).isEqualTo("service-1");
        clock.set(START.plus(Duration.ofMinutes(54)));
        assertThat(tokens.current()).as("an hour's token, six minutes left").isEqualTo("service-1");

        clock.set(START.plus(Duration.ofMinutes(55)));
        assertThat(tokens.current()).as("five minutes before it lapses").isEqualTo("service-2");
    }

    @Test
    void renewsAShortLivedTokenATenthOfItsLifeEarly() {
        keystone.life = Duration.ofSeconds(20);
        tokens.current();

        clock.set(START.plusSeconds(17));
        assertThat(tokens.current()).isEqualTo("service-1");
        clock.set(START.plusSeconds(18));
        assertThat(tokens.current()).isEqualTo("service-2");
    }

    @Test
    void aRefusedTokenIsRenewedOnceThoughTwoCallersSawItRefused() {
        String refused = tokens.current();

        assertThat(tokens.renewAfterRefusal(refused)).isEqualTo("service-2");
        assertThat(tokens.renewAfterRefusal(refused)).as("already renewed").isEqualTo("service-2");
    }

    private static final class CountingKeystone extends KeystoneClient {
        private final Clock clock;
        private int issued;
        private Duration life = Duration.ofHours(1);

        CountingKeystone(Clock clock) {
            super(KeystoneAuthenticationTest.properties());
            this.clock = clock;
        }

        @Override
        ServiceToken issueServiceToken() {
            issued++;
            return new ServiceToken("service-" + issued, clock.instant().plus(life));
        }
    }

}
