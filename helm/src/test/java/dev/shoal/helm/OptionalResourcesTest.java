package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Ingress, the ServiceMonitor, the Grafana dashboard and JSON log lines appear only when asked for. */
class OptionalResourcesTest {

    private static final Manifests ENABLED = ShoalChart.render(RenderedValues.INGRESS_AND_MONITORING);

    @ParameterizedTest
    @ValueSource(strings = {ShoalChart.DEFAULTS, RenderedValues.NODES_IN_ANOTHER_NAMESPACE,
            RenderedValues.MINIMAL_PRODUCTION})
    void leavesThemOutUnlessEnabled(String values) {
        Manifests manifests = ShoalChart.render(values);

        assertThat(manifests.ofKind("Ingress")).isEmpty();
        assertThat(manifests.ofKind("ServiceMonitor")).isEmpty();
        assertThat(manifests.ofKind("ConfigMap")).noneMatch(OptionalResourcesTest::isDashboard);
        assertThat(Workloads.env(Workloads.onlyContainer(Workloads.service(manifests, "api"))))
                .doesNotContainKey("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE");
        for (String service : Workloads.SERVICES) {
            assertThat(Workloads.env(Workloads.onlyContainer(Workloads.service(manifests, service))))
                    .as(service).doesNotContainKey("SHOAL_LOG_FORMAT");
        }
    }

    @Test
    void logsJsonLinesInEveryServiceWhenAsked() {
        for (String service : Workloads.SERVICES) {
            assertThat(Workloads.envValue(Workloads.service(ENABLED, service), "SHOAL_LOG_FORMAT")).as(service)
                    .isEqualTo("ecs");
        }
    }

    @Test
    void routesTheIngressHostToTheApiWithTls() {
        JsonNode spec = ENABLED.component("Ingress", "api").path("spec");
        JsonNode rule = spec.path("rules").get(0);

        assertThat(spec.path("ingressClassName").asString()).isEqualTo("nginx");
        assertThat(rule.path("host").asString()).isEqualTo("dbaas.example.org");
        assertThat(rule.path("http").path("paths").get(0).path("backend").path("service"))
                .isEqualTo(JsonMapper.builder().build().readTree("{\"name\": \"shoal-api\", \"port\": {\"name\": \"http\"}}"));
        assertThat(spec.path("tls").get(0).path("secretName").asString()).isEqualTo("dbaas-example-org-tls");
    }

    @Test
    void scrapesEveryServicesPrometheusEndpoint() {
        JsonNode monitor = ENABLED.ofKind("ServiceMonitor").findFirst().orElseThrow();
        JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");

        assertThat(monitor.path("apiVersion").asString()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.path("metadata").path("labels").path("release").asString()).isEqualTo("prometheus");
        assertThat(monitor.path("spec").path("endpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.path("path").asString()).isEqualTo("/actuator/prometheus");
            assertThat(endpoint.path("port").asString()).isEqualTo("http");
        });
        assertThat(ENABLED.ofKind("Service")).hasSize(3).allSatisfy(service -> {
            selector.properties().forEach(label -> assertThat(service.path("metadata").path("labels")
                    .path(label.getKey())).isEqualTo(label.getValue()));
            assertThat(service.path("spec").path("ports").get(0).path("name").asString()).isEqualTo("http");
        });
        for (String service : Workloads.SERVICES) {
            assertThat(Workloads.envValue(Workloads.service(ENABLED, service), "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE"))
                    .contains("prometheus").contains("health");
        }
    }

    @Test
    void shipsTheDashboardToGrafanasNamespace() {
        JsonNode configMap = ENABLED.ofKind("ConfigMap").filter(OptionalResourcesTest::isDashboard)
                .findFirst().orElseThrow();
        JsonNode dashboard = JsonMapper.builder().build().readTree(configMap.path("data").path("shoal.json").asString());
        List<String> queries = dashboard.path("panels").values().stream()
                .flatMap(panel -> panel.path("targets").values().stream())
                .map(target -> target.path("expr").asString())
                .toList();

        assertThat(configMap.path("metadata").path("namespace").asString()).isEqualTo("monitoring");
        assertThat(dashboard.path("title").asString()).isEqualTo("Shoal control plane");
        assertThat(queries).anyMatch(query -> query.contains("http_server_requests_seconds"))
                .anyMatch(query -> query.contains("jvm_memory_used_bytes"))
                .anyMatch(query -> query.contains("shoal_operations_total"))
                .anyMatch(query -> query.contains("shoal_operation_step_seconds_bucket"))
                .anyMatch(query -> query.contains("shoal_nodes"))
                .anyMatch(query -> query.contains("shoal_outbox_lag_seconds"))
                .anyMatch(query -> query.contains("shoal_guest_rpc_seconds"))
                .anyMatch(query -> query.contains("shoal_conductor_messages_total"));
    }

    private static boolean isDashboard(JsonNode configMap) {
        return "1".equals(configMap.path("metadata").path("labels").path("grafana_dashboard").asString(null));
    }
}
