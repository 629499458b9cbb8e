package dev.shoal.domain.messaging;

import java.sql.Timestamp;
import java.time.Clock;
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
}
