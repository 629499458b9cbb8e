package dev.shoal.domain.leader;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tables that would grow for ever are pruned by their service's leader.
 *
 * @param interval          how often the leader prunes
 * @param processedMessages how long a consumed message id is kept to drop its redeliveries
 * @param finishedTasks     how long a completed or failed task is kept for its history
 */
@ConfigurationProperties("shoal.pruning")
public record PruningProperties(
        @DefaultValue("10m") Duration interval,
        @DefaultValue("1h") Duration processedMessages,
        @DefaultValue("30d") Duration finishedTasks) {
}
