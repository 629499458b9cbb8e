package dev.shoal.domain.messaging;

import dev.shoal.contracts.MalformedMessageException;
import dev.shoal.contracts.Routing;
import java.time.Duration;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

/**
 * Listener containers for the service queues: acknowledged after the listener (and its transaction)
 * returns, retried a bounded number of times with back-off, then republished to the queue's dead-letter
 * queue. A message that can never be read goes there at once.
 */
public final class DeadLetteringListenerFactory {

    private DeadLetteringListenerFactory() {
    }

    public static SimpleRabbitListenerContainerFactory create(ConnectionFactory connections, RabbitTemplate template,
                                                              String queue, int maxAttempts) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        factory.setConnectionFactory(connections);
        factory.setAcknowledgeMode(AcknowledgeMode.AUTO);
        factory.setDefaultRequeueRejected(false);
        factory.setPrefetchCount(10);
        factory.setAdviceChain(RetryInterceptorBuilder.stateless()
                .configureRetryPolicy(policy -> policy
                        .maxRetries(Math.max(0, maxAttempts - 1))
                        .delay(Duration.ofMillis(200))
                        .multiplier(2)
                        .maxDelay(Duration.ofSeconds(2))
                        .predicate(DeadLetteringListenerFactory::isWorthRetrying))
                .recoverer(new RepublishMessageRecoverer(template, Routing.DEAD_LETTER_EXCHANGE,
                        Routing.deadLetterQueue(queue)))
                .build());
        return factory;
    }

    static boolean isWorthRetrying(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedMessageException) {
                return false;
            }
        }
        return true;
    }
}
