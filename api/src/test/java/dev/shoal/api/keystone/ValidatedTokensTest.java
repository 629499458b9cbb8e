package dev.shoal.api.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatedTokensTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final ValidatedTokens tokens = new ValidatedTokens(Duration.ofSeconds(300), clock);

    @Test
    void believesAnAnswerForTheConfiguredTime() {
        tokens.remember("h", token(START.plus(Duration.ofHours(1))));

        clock.move(Duration.ofSeconds(299));
        assertThat(tokens.find("h")).isPresent();
        clock.move(Duration.ofSeconds(2));
        assertThat(tokens.find("h")).as("asked again after the TTL").isEmpty();
    }

    @Test
    void neverBelievesAnAnswerPastTheTokensExpiry() {
        tokens.remember("h", token(START.plusSeconds(30)));

        clock.move(Duration.ofMillis(29_999));
        assertThat(tokens.find("h")).isPresent();
        clock.move(Duration.ofMillis(1));
        assertThat(tokens.find("h")).as("expired at expires_at, well within the TTL").isEmpty();
    }

    @Test
    void doesNotKeepAnAlreadyExpiredToken() {
        tokens.remember("h", token(START.minusSeconds(1)));

        assertThat(tokens.find("h")).isEmpty();
    }

    @Test
    void forgetsOnRequest() {
        tokens.remember("h", token(START.plusSeconds(600)));
        tokens.forget("h");

        assertThat(tokens.find("h")).isEmpty();
    }

    private static KeystoneToken token(Instant expiresAt) {
        return new KeystoneToken("u", "alice", "p", "project", List.of("member"), expiresAt);
    }

}
