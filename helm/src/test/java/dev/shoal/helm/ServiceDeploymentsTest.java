package dev.shoal.helm;

import static dev.shoal.helm.Workloads.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class ServiceDeploymentsTest {

    /** Each service's server.port, where its actuator answers too. */
    private static final Map<String, Integer> PORTS = Map.of("api", 8779, "taskmanager", 8780, "conductor", 8781);
    private static final Map<String, String> PORT_VARIABLES = Map.of("api", "SHOAL_PORT",
            "taskmanager", "SHOAL_TASKMANAGER_PORT", "conductor", "SHOAL_CONDUCTOR_PORT");

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void runsEachServiceAsOneDeployment(String values) {
        assertThat(ShoalChart.render(values).ofKind("Deployment").map(Workloads::name))
                .containsExactlyInAnyOrder("Deployment/shoal-api", "Deployment/shoal-taskmanager",
                        "Deployment/shoal-conductor");
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void probesTheActuatorHealthGroupsOnEachServicesOwnPort(String values) {
        for (String service : SERVICES) {
            JsonNode deployment = Workloads.service(ShoalChart.render(values), service);
            JsonNode container = Workloads.onlyContainer(deployment);

            assertThat(container.path("ports").get(0).path("containerPort").asInt()).as(service)
                    .isEqualTo(PORTS.get(service));
            assertThat(Workloads.envValue(deployment, PORT_VARIABLES.get(service))).as(service)
                    .isEqualTo(String.valueOf(PORTS.get(service)));
            assertThat(httpGet(container, "livenessProbe")).as(service).isEqualTo("/actuator/health/liveness @ http");
            assertThat(httpGet(container, "readinessProbe")).as(service)
                    .isEqualTo("/actuator/health/readiness @ http");
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void leavesTheSchemaToTheMigrationJob(String values) {
        for (String service : SERVICES) {
            assertThat(Workloads.envValue(Workloads.service(ShoalChart.render(values), service), "SHOAL_DB_MIGRATE"))
                    .as(service).isEqualTo("false");
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void givesEachServiceADisruptionBudgetOverItsPods(String values) {
        Manifests manifests = ShoalChart.render(values);
        for (String service : SERVICES) {
            JsonNode budget = manifests.component("PodDisruptionBudget", service);
            JsonNode deployment = Workloads.service(manifests, service);

            assertThat(budget.path("spec").path("selector"))
                    .isEqualTo(deployment.path("spec").path("selector"));
            assertThat(budget.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void exposesTheApiOnItsPortThroughAService(String values) {
        JsonNode service = ShoalChart.render(values).component("Service", "api");

        assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8779);
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asString()).isEqualTo("http");
        assertThat(service.path("spec").path("selector"))
                .isEqualTo(Workloads.service(ShoalChart.render(values), "api").path("spec").path("selector")
                        .path("matchLabels"));
    }

    private static String httpGet(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asString() + " @ " + get.path("port").asString();
    }
}
