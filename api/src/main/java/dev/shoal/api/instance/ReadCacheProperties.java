package dev.shoal.api.instance;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param readCacheTtl how long an api process answers a read of one instance with the view it last built, unless it
 *                     served a change meanwhile; another process's change, a task's progress or a heartbeat show
 *                     within this long. {@code 0s} builds every answer anew
 */
@Validated
@ConfigurationProperties("shoal.api")
public record ReadCacheProperties(@NotNull @DefaultValue("1s") Duration readCacheTtl) {

    public boolean enabled() {
        return !readCacheTtl.isNegative() && !readCacheTtl.isZero();
    }
}
