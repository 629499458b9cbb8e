package dev.shoal.api.outbox;

import dev.shoal.domain.outbox.OutboxMessage;
import dev.shoal.domain.outbox.OutboxRepository;
import dev.shoal.domain.outbox.OutboxWritten;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the broker and marks them published only once the broker confirmed them.
 * It runs right after a writing transaction commits and, for anything left over (broker down), on a poll.
 * A row may be published twice if the process dies between confirm and mark: consumers are idempotent.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final long CONFIRM_TIMEOUT_MS = 5_000;

    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;
    private final AmqpAdmin admin;
    private final CachingConnectionFactory confirming;
    private final RabbitTemplate template;
    private final Clock clock;
    private final ExecutorService relay = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean topologyDeclared;

    OutboxRelay(OutboxRepository outbox, TransactionTemplate transactions, AmqpAdmin admin,
                ConnectionFactory connections, Clock clock) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.admin = admin;
        // a connection of its own with publisher confirms, whatever the shared one is configured with
        this.confirming = new CachingConnectionFactory(
                ((CachingConnectionFactory) connections).getRabbitConnectionFactory());
        this.confirming.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        this.template = new RabbitTemplate(confirming);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterCommit(OutboxWritten written) {
        if (pending.compareAndSet(false, true)) {
            relay.execute(() -> {
                pending.set(false);
                relayPending();
            });
        }
    }

    @Scheduled(initialDelay = 1000, fixedDelayString = "${shoal.api.outbox-poll-interval:1s}")
    void poll() {
        relay.execute(this::relayPending);
    }

    void relayPending() {
        try {
            declareTopologyOnce();
            int published;
            do {
                published = transactions.execute(status -> publishBatch());
            } while (published == BATCH);
        } catch (RuntimeException e) {
            log.warn("outbox relay paused: {}", e.getMessage());
        }
    }

    /** The queues must exist before the first cast, or the broker would drop it as unroutable. */
    private void declareTopologyOnce() {
        if (!topologyDeclared) {
            admin.initialize();
            topologyDeclared = true;
        }
    }

    private int publishBatch() {
        List<OutboxMessage> batch = outbox.lockUnpublished(Limit.of(BATCH));
        if (batch.isEmpty()) {
            return 0;
        }
        template.invoke(operations -> {
            for (OutboxMessage message : batch) {
                operations.send(message.getExchange(), message.getRoutingKey(), toAmqp(message));
            }
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
        batch.forEach(message -> message.published(clock.instant()));
        return batch.size();
    }

    private static Message toAmqp(OutboxMessage message) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(message.getId().toString());
        properties.setType(message.getMessageType());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(message.getBody().getBytes(StandardCharsets.UTF_8), properties);
    }

    @PreDestroy
    void stop() {
        relay.shutdownNow();
        confirming.destroy();
    }
}
