package dev.shoal.conductor;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param heartbeatInterval   how often guests send heartbeats; the sweep runs as often unless told otherwise
 * @param heartbeatExpiry     a node silent for longer is marked SHUTDOWN
 * @param sweepInterval       how often silent nodes are looked for (default: the heartbeat interval)
 * @param maxDeliveryAttempts attempts at a message before it goes to the dead-letter queue
 * @param flushInterval       how often heartbeats that change nothing but last-seen times and volume usage are
 *                            written, all at once (default: 1 s, or a tenth of the expiry when that is shorter)
 */
@Validated
@ConfigurationProperties("shoal.conductor")
public record ConductorProperties(
        @NotNull @DefaultValue("10s") Duration heartbeatInterval,
        @NotNull @DefaultValue("90s") Duration heartbeatExpiry,
        Duration sweepInterval,
        @Min(1) @DefaultValue("3") int maxDeliveryAttempts,
        Duration flushInterval) {

    public ConductorProperties {
        // Sweeping more often than heartbeats arrive finds nothing new; less often lets a dead node look alive longer.
        if (sweepInterval == null) {
            sweepInterval = heartbeatInterval;
        }
        // a buffered heartbeat reaches updated_at this late, so it must stay small beside the expiry
        if (flushInterval == null) {
            Duration tenth = heartbeatExpiry.dividedBy(10);
            flushInterval = tenth.compareTo(Duration.ofSeconds(1)) < 0 ? tenth : Duration.ofSeconds(1);
        }
    }
}
