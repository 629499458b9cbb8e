package dev.shoal.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chart in {@code shoal/}, linted and rendered by Helm's own library inside this JVM: no helm binary, no cluster.
 * Each values file is rendered once per test run.
 */
final class ShoalChart {

    static final String RELEASE = "shoal";
    static final String NAMESPACE = "shoal-system";
    /** Stands for the chart's own values.yaml alone. */
    static final String DEFAULTS = "(defaults)";

    private static final Path CHART = Path.of("shoal");
    private static final Path VALUES = Path.of("src/test/resources/values");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private ShoalChart() {
    }

    static LintResult lintStrict() {
        return new Helm(CHART).lint().strict().call();
    }

    /** The chart with its default values, or with {@code values/<name>} from the test resources over them. */
    static Manifests render(String valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, name -> Manifests.parse(template(name)));
    }

    /** Helm's output as text, hooks included; values the schema refuses throw with Helm's message. */
    static String template(String valuesFile) {
        var template = new Helm(Rendered.CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (!valuesFile.equals(DEFAULTS)) {
            template.withValuesFile(valuesPath(valuesFile));
        }
        return template.call();
    }

    /** The chart with its default values, installed under another release name. */
    static Manifests renderAs(String release) {
        return Manifests.parse(new Helm(Rendered.CHART).template().withName(release).withNamespace(NAMESPACE).call());
    }

    /** The chart as it is, whose output leaves the hooks out: what Helm applies as the release itself. */
    static Manifests releaseManifest() {
        return Manifests.parse(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE).call());
    }

    static Path valuesPath(String valuesFile) {
        Path path = VALUES.resolve(valuesFile);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no values file " + path.toAbsolutePath());
        }
        return path;
    }

    /** Copied once per test run, on first use. */
    private static final class Rendered {
        static final Path CHART = HooksAsManifests.copy(ShoalChart.CHART, Path.of("target/hooks-as-manifests/shoal"));
    }
}
