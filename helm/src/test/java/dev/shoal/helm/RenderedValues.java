package dev.shoal.helm;

import java.util.stream.Stream;

/** The values every rendering test runs with: the chart's defaults and each kind of setup the chart supports. */
final class RenderedValues {

    static final String INGRESS_AND_MONITORING = "ingress-and-monitoring.yaml";
    static final String NODES_IN_ANOTHER_NAMESPACE = "nodes-in-another-namespace.yaml";
    static final String MINIMAL_PRODUCTION = "minimal-production.yaml";
    /** For {@code @MethodSource}. */
    static final String ALL = "dev.shoal.helm.RenderedValues#all";

    private RenderedValues() {
    }

    static Stream<String> all() {
        return Stream.of(ShoalChart.DEFAULTS, INGRESS_AND_MONITORING, NODES_IN_ANOTHER_NAMESPACE, MINIMAL_PRODUCTION);
    }
}
