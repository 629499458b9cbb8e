package dev.shoal.api.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param keyTtl        how long a key is kept after its first use: a retry within it gets the first answer, a
 *                      request after it is a new one; published in the OpenAPI document
 * @param abandonAfter  a key still being processed after this long is taken to be abandoned by an api process
 *                      that stopped, and a retry processes the request again instead of answering 409
 * @param pruneInterval how often each api process deletes the expired keys
 */
@Validated
@ConfigurationProperties("shoal.api.idempotency")
public record IdempotencyProperties(@NotNull @DefaultValue("24h") Duration keyTtl,
                                    @NotNull @DefaultValue("10m") Duration abandonAfter,
                                    @NotNull @DefaultValue("10m") Duration pruneInterval) {
}
