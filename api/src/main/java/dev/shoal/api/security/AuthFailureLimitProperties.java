package dev.shoal.api.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests with a token that matches nothing one client address may send before it is answered 429.
 *
 * @param capacity failures allowed at once; the allowance refills evenly over {@code period}
 * @param period   how long a full allowance takes to come back
 */
@Validated
@ConfigurationProperties("shoal.api.auth-failures")
record AuthFailureLimitProperties(@Min(1) @DefaultValue("30") int capacity,
                                  @NotNull @DefaultValue("1m") Duration period) {
}
