package dev.shoal.helm;

import static dev.shoal.helm.Workloads.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The variables each service's application.properties reads, built from the chart's values. */
class ConnectionSettingsTest {

    @Test
    void connectsToTheDefaultDatabaseAndBroker() {
        Manifests manifests = ShoalChart.render(ShoalChart.DEFAULTS);

        for (String service : SERVICES) {
            JsonNode deployment = Workloads.service(manifests, service);
            assertThat(Workloads.envValue(deployment, "SHOAL_DB_URL")).isEqualTo("jdbc:postgresql://postgresql:5432/shoal");
            assertThat(Workloads.envValue(deployment, "SHOAL_AMQP_URI")).isEqualTo("amqp://rabbitmq:5672");
            assertThat(Workloads.envValue(deployment, "SPRING_RABBITMQ_VIRTUAL_HOST")).isEqualTo("shoal");
        }
        assertThat(Workloads.envValue(Workloads.service(manifests, "taskmanager"), "SHOAL_TASKMANAGER_BROKERADMIN_URL"))
                .isEqualTo("http://rabbitmq:15672");
    }

    @Test
    void connectsOverTlsWhereConfigured() {
        Manifests manifests = ShoalChart.render(RenderedValues.MINIMAL_PRODUCTION);

        for (String service : SERVICES) {
            JsonNode deployment = Workloads.service(manifests, service);
            assertThat(Workloads.envValue(deployment, "SHOAL_DB_URL"))
                    .isEqualTo("jdbc:postgresql://pg.db.example.org:6432/shoal_prod?sslmode=verify-full");
            assertThat(Workloads.envValue(deployment, "SHOAL_AMQP_URI")).isEqualTo("amqps://mq.example.org:5671");
            assertThat(Workloads.envValue(deployment, "SPRING_RABBITMQ_VIRTUAL_HOST")).isEqualTo("shoal-prod");
            assertThat(Workloads.envValue(deployment, "SHOAL_SECRETS_KEY_ID")).isEqualTo("k2026-12");
        }
        assertThat(Workloads.envValue(Workloads.service(manifests, "taskmanager"), "SHOAL_TASKMANAGER_BROKERADMIN_URL"))
                .isEqualTo("https://mq.example.org:15671");
    }

    @Test
    void givesTheBrokerAdminOnlyToTheTaskManager() {
        Manifests manifests = ShoalChart.render(RenderedValues.MINIMAL_PRODUCTION);

        for (String service : new String[] {"api", "conductor"}) {
            assertThat(Workloads.env(Workloads.onlyContainer(Workloads.service(manifests, service))).keySet())
                    .as(service).noneMatch(name -> name.startsWith("SHOAL_TASKMANAGER_"));
        }
    }
}
