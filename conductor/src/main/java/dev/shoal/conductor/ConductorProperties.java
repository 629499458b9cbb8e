package dev.shoal.conductor;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param heartbeatExpiry     a node silent for longer is marked SHUTDOWN
 * @param sweepInterval       how often silent nodes are looked for
 * @param maxDeliveryAttempts attempts at a message before it goes to the dead-letter queue
 */
@Validated
@ConfigurationProperties("shoal.conductor")
public record ConductorProperties(
        @NotNull @DefaultValue("90s") Duration heartbeatExpiry,
        @NotNull @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("3") int maxDeliveryAttempts) {
}
