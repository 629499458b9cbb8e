package dev.shoal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class NetworkPolicyTest {

    @ParameterizedTest
    @MethodSource(RenderedValues.ALL)
    void selectsEveryPodOfTheRelease(String values) {
        Manifests manifests = ShoalChart.render(values);
        JsonNode selector = controlPlane(manifests).path("spec").path("podSelector").path("matchLabels");

        for (JsonNode workload : Workloads.all(manifests).toList()) {
            JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
            selector.properties().forEach(label -> assertThat(labels.path(label.getKey())).as(Workloads.name(workload))
                    .isEqualTo(label.getValue()));
        }
        assertThat(controlPlane(manifests).path("spec").path("policyTypes").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("Ingress", "Egress");
    }

    @Test
    void letsNothingInButToTheApiPortAndOutOnlyToItsBackends() {
        Manifests manifests = ShoalChart.render(ShoalChart.DEFAULTS);

        assertThat(controlPlane(manifests).path("spec").path("ingress").size()).isZero();
        assertThat(ports(controlPlane(manifests).path("spec").path("egress")))
                .containsExactly("5432/TCP", "5672/TCP", "53/UDP", "53/TCP");
        assertThat(api(manifests).path("spec").path("ingress")).singleElement().satisfies(rule -> {
            assertThat(rule.has("from")).as("from anywhere").isFalse();
            assertThat(ports(List.of(rule))).containsExactly("http/TCP");
        });
        assertThat(ports(taskmanager(manifests).path("spec").path("egress")))
                .containsExactly("443/TCP", "6443/TCP", "15672/TCP");
    }

    @Test
    void narrowsPeersAndPortsAsConfigured() {
        Manifests manifests = ShoalChart.render(RenderedValues.MINIMAL_PRODUCTION);
        JsonNode egress = controlPlane(manifests).path("spec").path("egress");

        assertThat(ports(egress)).containsExactly("6432/TCP", "5671/TCP", "53/UDP", "53/TCP");
        assertThat(egress.get(0).path("to").get(0).path("ipBlock").path("cidr").asString()).isEqualTo("10.20.0.0/24");
        assertThat(egress.get(1).path("to").get(0).path("ipBlock").path("cidr").asString()).isEqualTo("10.30.0.0/24");
        assertThat(ports(taskmanager(manifests).path("spec").path("egress"))).containsExactly("443/TCP", "15671/TCP");
    }

    @Test
    void letsTheIngressControllerAndPrometheusInWhenConfigured() {
        Manifests manifests = ShoalChart.render(RenderedValues.INGRESS_AND_MONITORING);

        assertThat(api(manifests).path("spec").path("ingress").get(0).path("from").get(0)
                .path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asString())
                .isEqualTo("ingress-nginx");
        assertThat(controlPlane(manifests).path("spec").path("ingress")).singleElement().satisfies(rule -> {
            assertThat(ports(List.of(rule))).containsExactly("http/TCP");
            assertThat(rule.path("from").get(0).path("namespaceSelector").path("matchLabels")
                    .path("kubernetes.io/metadata.name").asString()).isEqualTo("monitoring");
        });
    }

    private static JsonNode controlPlane(Manifests manifests) {
        return manifests.one("NetworkPolicy", ShoalChart.RELEASE);
    }

    private static JsonNode api(Manifests manifests) {
        return manifests.component("NetworkPolicy", "api");
    }

    private static JsonNode taskmanager(Manifests manifests) {
        return manifests.component("NetworkPolicy", "taskmanager");
    }

    /** Every rule's ports as {@code port/protocol}, in order. */
    private static List<String> ports(Iterable<JsonNode> rules) {
        var ports = new java.util.ArrayList<String>();
        rules.forEach(rule -> rule.path("ports").values().forEach(port -> ports.add(
                port.path("port").asString() + "/" + port.path("protocol").asString("TCP"))));
        return ports;
    }
}
