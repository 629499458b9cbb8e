package dev.shoal.domain.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes consumers idempotent by message id. The mark is written in the consumer's own transaction,
 * so a rollback leaves the message unprocessed and a redelivery does the work once.
 */
@Repository
public class ProcessedMessages {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProcessedMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return true the first time this consumer sees this message id */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markFirstDelivery(String consumer, String messageId) {
        return jdbc.sql("""
                        insert into processed_messages (consumer, message_id, processed_at)
                        values (:consumer, :id, :now) on conflict do nothing
                        """)
                .param("consumer", consumer)
                .param("id", messageId)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /**
     * Forgets the ids marked before {@code cutoff}. Safe past the redelivery window: a consumer also drops a message
     * sent no later than the last it applied from the same sender, which a redelivery of an old one is.
     *
     * @return how many were forgotten
     */
    public int forgetMarkedBefore(Instant cutoff) {
        return jdbc.sql("delete from processed_messages where processed_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
