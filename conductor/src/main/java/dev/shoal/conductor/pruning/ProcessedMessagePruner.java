package dev.shoal.conductor.pruning;

import dev.shoal.domain.leader.Leadership;
import dev.shoal.domain.leader.PruningProperties;
import dev.shoal.domain.messaging.ProcessedMessages;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every report leaves a processed message id; the conductors' leader forgets those past redelivery. */
@Component
class ProcessedMessagePruner {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessagePruner.class);

    private final ProcessedMessages processed;
    private final Leadership leadership;
    private final PruningProperties properties;
    private final Clock clock;

    ProcessedMessagePruner(ProcessedMessages processed, Leadership leadership, PruningProperties properties,
                           Clock clock) {
        this.processed = processed;
        this.leadership = leadership;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${shoal.pruning.interval:10m}", fixedDelayString = "${shoal.pruning.interval:10m}")
    void prune() {
        if (!leadership.leads()) {
            return;
        }
        int forgotten = processed.forgetMarkedBefore(clock.instant().minus(properties.processedMessages()));
        if (forgotten > 0) {
            log.info("forgot {} processed message ids older than {}", forgotten, properties.processedMessages());
        }
    }
}
