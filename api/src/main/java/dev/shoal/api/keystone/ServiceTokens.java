package dev.shoal.api.keystone;

import java.time.Clock;
import java.time.Duration;

/**
 * Shoal's own Keystone token, with which it asks about others. Renewed a while before it expires (a tenth of its
 * life, at most five minutes), so no validation is sent with a token about to lapse; renewed at once when Keystone
 * refuses it.
 */
class ServiceTokens {

    private static final Duration MOST_EARLY = Duration.ofMinutes(5);

    private final KeystoneClient keystone;
    private final Clock clock;
    private KeystoneClient.ServiceToken current;
    private java.time.Instant renewAt;

    ServiceTokens(KeystoneClient keystone, Clock clock) {
        this.keystone = keystone;
        this.clock = clock;
    }

    synchronized String current() {
        if (current == null || !clock.instant().isBefore(renewAt)) {
            renew();
        }
        return current.value();
    }

    /** After Keystone refused {@code refused}; a token another thread renewed meanwhile is kept. */
    synchronized String renewAfterRefusal(String refused) {
        if (current == null || current.value().equals(refused)) {
            renew();
        }
        return current.value();
    }

    private void renew() {
        KeystoneClient.ServiceToken token = keystone.issueServiceToken();
        Duration life = Duration.between(clock.instant(), token.expiresAt());
        Duration early = life.dividedBy(10).compareTo(MOST_EARLY) < 0 ? life.dividedBy(10) : MOST_EARLY;
        current = token;
        renewAt = token.expiresAt().minus(early);
    }
}
