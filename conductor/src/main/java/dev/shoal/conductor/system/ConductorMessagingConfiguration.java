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
        factory.setPrefetchCount(50);
        return factory;
    }
}
