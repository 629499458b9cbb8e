package dev.shoal.conductor.system;

import dev.shoal.conductor.ConductorProperties;
import dev.shoal.contracts.Routing;
import dev.shoal.domain.messaging.DeadLetteringListenerFactory;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConductorMessagingConfiguration {

    @Bean
    SimpleRabbitListenerContainerFactory conductorListenerFactory(ConnectionFactory connections,
                                                                  RabbitTemplate template,
                                                                  ConductorProperties properties) {
        SimpleRabbitListenerContainerFactory factory = DeadLetteringListenerFactory.create(connections, template,
                Routing.CONDUCTOR_QUEUE, properties.maxDeliveryAttempts());
        // Most heartbeats cost no statement, so the broker's round trips dominate: acknowledge up to 50 at a time, or
        // what came within 200 ms when few arrive. Each message is still handled, retried and dead-lettered on its
        // own, and a failure never escapes the dead-lettering advice, so no batch is rejected for one poison message.
        factory.setBatchSize(50);
        factory.setBatchReceiveTimeout(200L);
        factory.setPrefetchCount(250);
        return factory;
    }
}
