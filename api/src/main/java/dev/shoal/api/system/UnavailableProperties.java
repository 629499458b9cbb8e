package dev.shoal.api.system;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a client is told when a dependency is out of reach.
 *
 * @param retryAfter the {@code Retry-After} of a 503: long enough not to hammer a database that is restarting,
 *                   short enough that clients come back soon after it is
 */
@Validated
@ConfigurationProperties("shoal.api.unavailable")
record UnavailableProperties(@NotNull @DefaultValue("5s") Duration retryAfter) {

    /** Whole seconds, at least one, as {@code Retry-After} takes them. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
