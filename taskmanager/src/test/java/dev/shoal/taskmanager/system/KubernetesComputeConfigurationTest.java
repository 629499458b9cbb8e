package dev.shoal.taskmanager.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.shoal.domain.leader.Leadership;
import dev.shoal.taskmanager.broker.GuestBrokerAccounts;
import dev.shoal.taskmanager.compute.ComputeProperties;
import dev.shoal.taskmanager.compute.kubernetes.KubernetesComputeDriver;
import dev.shoal.taskmanager.compute.kubernetes.KubernetesComputeProperties;
import dev.shoal.taskmanager.compute.kubernetes.KubernetesGuestKeeper;
import dev.shoal.taskmanager.compute.kubernetes.MockKubernetes;
import dev.shoal.taskmanager.guest.GuestClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code shoal.compute.driver} chooses the driver; a value naming none stops the start with the property's name. */
class KubernetesComputeConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Collaborators.class, KubernetesComputeConfiguration.class)
            .withPropertyValues("shoal.compute.kubernetes.namespace=shoal-nodes",
                    "shoal.compute.kubernetes.guest-amqp-uri=amqp://shoal:secret@rabbitmq:5672/shoal");

    @Test
    void theKubernetesDriverAndItsKeeperRunWhenChosen() {
        context.withPropertyValues("shoal.compute.driver=kubernetes",
                        "shoal.compute.kubernetes.images.mysql=shoal/node-mariadb:0.1.0")
                .run(started -> {
                    assertThat(started).hasSingleBean(KubernetesComputeDriver.class)
                            .hasSingleBean(KubernetesGuestKeeper.class);
                    assertThat(started.getBean(KubernetesComputeProperties.class).images())
                            .containsEntry("mysql", "shoal/node-mariadb:0.1.0");
                });
    }

    @Test
    void theLocalDriverIsTheDefault() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(KubernetesComputeDriver.class);
            assertThat(started.getBean(ComputeProperties.class).driver().name()).isEqualTo("LOCAL");
        });
    }

    @Test
    void aDriverThatIsNoneOfThemStopsTheStart() {
        context.withPropertyValues("shoal.compute.driver=kubernets").run(started ->
                assertThat(started).hasFailed().getFailure().hasStackTraceContaining("shoal.compute.driver")
                        .hasStackTraceContaining("No enum constant"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ComputeProperties.class, KubernetesComputeProperties.class})
    static class Collaborators {

        /** A cluster without nodes yet: the driver looks for them at start. */
        @Bean(destroyMethod = "close")
        MockKubernetes mockKubernetes() {
            return new MockKubernetes();
        }

        @Bean
        KubernetesClient kubernetesClient(MockKubernetes kubernetes) {
            return kubernetes.client();
        }

        @Bean
        GuestClient guestClient() {
            return mock(GuestClient.class);
        }

        @Bean
        GuestBrokerAccounts guestBrokerAccounts() {
            return mock(GuestBrokerAccounts.class);
        }

        @Bean
        ConnectionFactory connectionFactory() {
            return mock(ConnectionFactory.class);
        }

        @Bean
        Leadership leadership() {
            return mock(Leadership.class);
        }
    }
}
