package dev.shoal.taskmanager.system;

import dev.shoal.contracts.Routing;
import dev.shoal.domain.messaging.DeadLetteringListenerFactory;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.backup.BackupStore;
import dev.shoal.taskmanager.backup.LocalBackupStore;
import dev.shoal.taskmanager.broker.BrokerAdminProperties;
import dev.shoal.taskmanager.broker.GuestBrokerAccounts;
import dev.shoal.taskmanager.broker.RabbitManagementAccounts;
import dev.shoal.taskmanager.compute.AddressAllocator;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeProperties;
import dev.shoal.taskmanager.compute.LocalComputeProperties;
import dev.shoal.taskmanager.compute.LocalProcessComputeDriver;
import dev.shoal.taskmanager.compute.StepComputeDriver;
import dev.shoal.taskmanager.compute.kubernetes.KubernetesComputeDriver;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.RemoteCalls;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
class TaskManagerConfiguration {

    @Bean
    SimpleRabbitListenerContainerFactory taskmanagerListenerFactory(ConnectionFactory connections,
                                                                    RabbitTemplate template,
                                                                    TaskManagerProperties properties) {
        return DeadLetteringListenerFactory.create(connections, template, Routing.TASKMANAGER_QUEUE,
                properties.maxDeliveryAttempts());
    }

    /**
     * Nodes started by an earlier task manager learn where the broker is now before this one serves; their queues
     * and broker accounts are there before their guests look.
     */
    @Bean
    @ConditionalOnProperty(name = "shoal.compute.driver", havingValue = "local", matchIfMissing = true)
    LocalProcessComputeDriver localProcessComputeDriver(LocalComputeProperties properties,
                                                        ConnectionFactory connections, GuestClient guests,
                                                        GuestBrokerAccounts accounts) {
        String guestUri = properties.guestAmqpUri() != null ? properties.guestAmqpUri() : sameBroker(connections);
        LocalProcessComputeDriver driver = new LocalProcessComputeDriver(properties, guestUri);
        driver.prepareGuestStarts();
        driver.pointGuestsAtBroker(account -> {
            guests.declareQueue(account.nodeId());
            accounts.ensure(account);
        });
        return driver;
    }

    /**
     * What every part of the task manager calls: the driver {@code shoal.compute.driver} names, its calls made outside
     * the steps asking them.
     */
    @Bean
    @Primary
    StepComputeDriver computeDriver(ComputeProperties compute, ObjectProvider<LocalProcessComputeDriver> local,
                                    ObjectProvider<KubernetesComputeDriver> kubernetes, RemoteCalls calls) {
        ComputeDriver driver = switch (compute.driver()) {
            case LOCAL -> local.getObject();
            case KUBERNETES -> kubernetes.getObject();
        };
        return new StepComputeDriver(driver, calls);
    }

    /** RabbitMQ's management API, unless another broker's accounts are offered (the standalone's embedded one). */
    @Bean
    @ConditionalOnMissingBean(GuestBrokerAccounts.class)
    GuestBrokerAccounts rabbitManagementAccounts(BrokerAdminProperties admin, ConnectionFactory connections) {
        com.rabbitmq.client.ConnectionFactory rabbit =
                ((CachingConnectionFactory) connections).getRabbitConnectionFactory();
        URI url = admin.url() != null ? admin.url()
                : URI.create("http://" + connections.getHost() + ":" + BrokerAdminProperties.DEFAULT_PORT);
        return new RabbitManagementAccounts(url, admin.username() != null ? admin.username() : rabbit.getUsername(),
                admin.password() != null ? admin.password() : rabbit.getPassword(), connections.getVirtualHost());
    }

    @Bean
    BackupStore backupStore(LocalComputeProperties properties) {
        return new LocalBackupStore(properties.backupStore());
    }

    @Bean
    AddressAllocator addressAllocator(LocalComputeProperties properties) {
        return new AddressAllocator(properties.firstAddress());
    }

    /** Guests on this host use the broker the task manager uses, with its credentials and virtual host. */
    static String sameBroker(ConnectionFactory connections) {
        com.rabbitmq.client.ConnectionFactory rabbit =
                ((CachingConnectionFactory) connections).getRabbitConnectionFactory();
        return "amqp://" + encode(rabbit.getUsername()) + ":" + encode(rabbit.getPassword()) + "@"
                + connections.getHost() + ":" + connections.getPort() + "/" + encode(connections.getVirtualHost());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
