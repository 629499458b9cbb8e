package dev.shoal.domain.messaging;

import dev.shoal.contracts.Routing;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service-side queues every service declares at start (idempotently), so a cast is never routed
 * to a queue that does not exist yet. Dead-lettering is done by republishing to {@link Routing#DEAD_LETTER_EXCHANGE}
 * rather than by broker queue arguments, which the embedded broker does not share with RabbitMQ.
 * Guest queues are declared per node by the task manager.
 */
@Configuration(proxyBeanMethods = false)
public class BusTopology {

    @Bean
    Declarables shoalBusTopology() {
        TopicExchange exchange = new TopicExchange(Routing.EXCHANGE, true, false);
        DirectExchange deadLetters = new DirectExchange(Routing.DEAD_LETTER_EXCHANGE, true, false);
        Queue taskmanager = QueueBuilder.durable(Routing.TASKMANAGER_QUEUE).build();
        Queue conductor = QueueBuilder.durable(Routing.CONDUCTOR_QUEUE).build();
        Queue taskmanagerDlq = QueueBuilder.durable(Routing.deadLetterQueue(Routing.TASKMANAGER_QUEUE)).build();
        Queue conductorDlq = QueueBuilder.durable(Routing.deadLetterQueue(Routing.CONDUCTOR_QUEUE)).build();
        return new Declarables(exchange, deadLetters, taskmanager, conductor, taskmanagerDlq, conductorDlq,
                BindingBuilder.bind(taskmanager).to(exchange).with(Routing.TASKMANAGER_QUEUE),
                BindingBuilder.bind(conductor).to(exchange).with(Routing.CONDUCTOR_QUEUE),
                BindingBuilder.bind(taskmanagerDlq).to(deadLetters).with(taskmanagerDlq.getName()),
                BindingBuilder.bind(conductorDlq).to(deadLetters).with(conductorDlq.getName()));
    }
}
