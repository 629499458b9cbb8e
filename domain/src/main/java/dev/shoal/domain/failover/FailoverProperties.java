package dev.shoal.domain.failover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a replication set's master counts as dead and a replica takes over by itself.
 *
 * @param unreachableFor how long a majority of the replicas must have been unable to reach the master's server
 * @param restartGrace   how long a master whose guest is still starting its server again is waited for
 * @param coolDown       no second automatic failover of a set within this time
 * @param voteExpiry     a replica whose last report is older does not count
 * @param checkInterval  how often the task managers' leader looks
 * @param timeout        how long a failover may take before it fails
 */
@ConfigurationProperties("shoal.failover")
public record FailoverProperties(
        @DefaultValue("5s") Duration unreachableFor,
        @DefaultValue("30s") Duration restartGrace,
        @DefaultValue("5m") Duration coolDown,
        @DefaultValue("30s") Duration voteExpiry,
        @DefaultValue("1s") Duration checkInterval,
        @DefaultValue("10m") Duration timeout) {
}
