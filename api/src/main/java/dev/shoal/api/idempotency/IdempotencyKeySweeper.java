package dev.shoal.api.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired keys. Every api process sweeps, with no leader: the delete is one statement on an index, and two
 * processes sweeping at once only find fewer rows.
 */
@Component
class IdempotencyKeySweeper {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeySweeper.class);

    private final IdempotencyKeys keys;

    IdempotencyKeySweeper(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelayString = "${shoal.api.idempotency.prune-interval:10m}",
            fixedDelayString = "${shoal.api.idempotency.prune-interval:10m}")
    void deleteExpired() {
        int deleted = keys.deleteExpired();
        if (deleted > 0) {
            log.debug("deleted {} expired idempotency keys", deleted);
        }
    }
}
