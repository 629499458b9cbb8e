package dev.shoal.taskmanager.system;

import dev.shoal.datastore.Datastores;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.taskmanager.broker.GuestBrokerAccounts;
import dev.shoal.taskmanager.compute.kubernetes.KubernetesComputeDriver;
import dev.shoal.taskmanager.compute.kubernetes.KubernetesComputeProperties;
import dev.shoal.taskmanager.compute.kubernetes.KubernetesGuestKeeper;
import dev.shoal.taskmanager.guest.GuestClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kubernetes compute driver, when {@code shoal.compute.driver=kubernetes}. The client configures itself as
 * fabric8 does: in a Pod from its service account and namespace, elsewhere from {@code ~/.kube/config} or
 * {@code KUBECONFIG}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "shoal.compute.driver", havingValue = "kubernetes")
class KubernetesComputeConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(KubernetesClient.class)
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder().build();
    }

    /**
     * Nodes made by an earlier task manager find their queues and broker accounts, and their Secrets name the broker
     * of now, before this one serves.
     */
    @Bean
    KubernetesComputeDriver kubernetesComputeDriver(KubernetesClient client, KubernetesComputeProperties properties,
                                                    ConnectionFactory connections, GuestClient guests,
                                                    GuestBrokerAccounts accounts) {
        String guestUri = properties.guestAmqpUri() != null ? properties.guestAmqpUri()
                : TaskManagerConfiguration.sameBroker(connections);
        KubernetesComputeDriver driver = new KubernetesComputeDriver(client, properties, guestUri,
                datastore -> Datastores.descriptor(datastore).clientPort());
        driver.pointGuestsAtBroker(account -> {
            guests.declareQueue(account.nodeId());
            accounts.ensure(account);
        });
        return driver;
    }

    @Bean
    KubernetesGuestKeeper kubernetesGuestKeeper(KubernetesComputeDriver driver, Leadership leadership) {
        return new KubernetesGuestKeeper(driver, leadership);
    }
}
