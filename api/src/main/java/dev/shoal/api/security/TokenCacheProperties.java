package dev.shoal.api.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param tokenCacheTtl how long a token found valid is believed without asking PostgreSQL again; a token revoked
 *                      meanwhile is still served by a process that believes it for up to this long. {@code 0s} asks
 *                      on every request
 */
@Validated
@ConfigurationProperties("shoal.api")
record TokenCacheProperties(@NotNull @DefaultValue("1s") Duration tokenCacheTtl) {

    boolean enabled() {
        return !tokenCacheTtl.isNegative() && !tokenCacheTtl.isZero();
    }
}
