package dev.shoal.taskmanager.guest;

import dev.shoal.contracts.Routing;
import java.time.Duration;
import java.util.UUID;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where guests answer calls: a queue of this task manager's own, bound to the shoal exchange by its name. A guest's
 * broker account may publish to that exchange with such a routing key; RabbitMQ's direct reply-to would need the
 * default exchange, through which a guest could reach every queue. The queue goes with the connection, and the
 * broker admin declares it again, with its binding, on every new one.
 */
@Configuration(proxyBeanMethods = false)
public class GuestCallReplies {

    /** Each call waits as long as it says (see {@link GuestClient#call}); this only bounds a forgotten one. */
    private static final Duration LONGEST_CALL = Duration.ofHours(2);

    @Bean
    Queue guestReplyQueue() {
        return replyQueue();
    }

    @Bean
    Declarables guestReplyBinding(Queue guestReplyQueue) {
        return new Declarables(BindingBuilder.bind(guestReplyQueue).to(new TopicExchange(Routing.EXCHANGE))
                .with(guestReplyQueue.getName()));
    }

    /** Shared by every task manager and durable: an answer outlives the task manager that asked. */
    @Bean
    Queue stepReplyQueue() {
        return new Queue(Routing.STEP_REPLY_QUEUE, true, false, false);
    }

    @Bean
    Declarables stepReplyBinding(Queue stepReplyQueue) {
        return new Declarables(BindingBuilder.bind(stepReplyQueue).to(new TopicExchange(Routing.EXCHANGE))
                .with(stepReplyQueue.getName()));
    }

    @Bean
    AsyncRabbitTemplate guestCalls(ConnectionFactory connections, Queue guestReplyQueue) {
        return calls(connections, guestReplyQueue);
    }

    /**
     * A reply queue of a new name: exclusive to its connection, gone with it. Not an {@code AnonymousQueue}, whose
     * leader-locator argument RabbitMQ 3.10 refuses.
     */
    public static Queue replyQueue() {
        return new Queue(Routing.replyQueue(UUID.randomUUID().toString()), false, true, true);
    }

    /** Calls answered on {@code replyQueue}; the template starts its listener when started. */
    public static AsyncRabbitTemplate calls(ConnectionFactory connections, Queue replyQueue) {
        SimpleMessageListenerContainer replies = new SimpleMessageListenerContainer(connections);
        replies.setQueueNames(replyQueue.getName());
        AsyncRabbitTemplate calls = new AsyncRabbitTemplate(new RabbitTemplate(connections), replies,
                replyQueue.getName());
        calls.setReceiveTimeout(LONGEST_CALL.toMillis());
        return calls;
    }
}
