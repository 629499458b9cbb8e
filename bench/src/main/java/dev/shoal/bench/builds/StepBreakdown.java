package dev.shoal.bench.builds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Where a build's time went, from its operation's timestamps: POST → created → started → each step → finished →
 * ACTIVE as the client saw it. A step that waited for guests carries what each guest measured of its own work
 * ({@code install-db 1.21 s, server start 0.70 s, ...}), which is read back here.
 */
final class StepBreakdown {

    private static final Pattern PHASE = Pattern.compile("([a-z][a-z -]*?) (\\d+\\.\\d+) s");

    private StepBreakdown() {
    }

    /** One line per interval, offsets from the POST. */
    static List<String> lines(TimedBuild build) {
        JsonNode operation = build.operation();
        List<String> lines = new ArrayList<>();
        Instant created = instant(operation.path("created"));
        Instant started = instant(operation.path("started"));
        lines.add(line("POST → created (api's transaction)", build.posted(), build.posted(), created, null));
        lines.add(line("created → started (outbox, broker, task pickup)", build.posted(), created, started, null));
        for (JsonNode step : operation.path("steps")) {
            String message = step.path("message").asString("");
            lines.add(line(step.path("name").asString(), build.posted(), instant(step.path("started")),
                    instant(step.path("finished")), message.isEmpty() ? null : message));
        }
        Instant finished = instant(operation.path("finished"));
        lines.add(line("finished → seen ACTIVE (read every 50 ms)", build.posted(), finished, build.active(), null));
        return lines;
    }

    /** How long the named step took, from its own timestamps. */
    static Duration step(TimedBuild build, String name) {
        for (JsonNode step : build.operation().path("steps")) {
            if (step.path("name").asString().equals(name)) {
                return Duration.between(instant(step.path("started")), instant(step.path("finished")));
            }
        }
        throw new IllegalArgumentException("operation " + build.operation().path("id").asString() + " has no step "
                + name);
    }

    /** Every value of {@code phase} the guests told on the named step (one per node), in seconds. */
    static List<Double> phases(TimedBuild build, String stepName, String phase) {
        List<Double> values = new ArrayList<>();
        for (JsonNode step : build.operation().path("steps")) {
            if (step.path("name").asString().equals(stepName)) {
                Matcher matcher = PHASE.matcher(step.path("message").asString(""));
                while (matcher.find()) {
                    if (matcher.group(1).endsWith(phase)) {
                        values.add(Double.parseDouble(matcher.group(2)));
                    }
                }
            }
        }
        return values;
    }

    private static String line(String what, Instant posted, Instant from, Instant to, String message) {
        if (from == null || to == null) {
            return String.format(Locale.ROOT, "  %-48s (not recorded)", what);
        }
        return String.format(Locale.ROOT, "  %-48s +%6.2f .. +%6.2f  %5.2f s%s", what, seconds(posted, from),
                seconds(posted, to), seconds(from, to), message == null ? "" : "  [" + message + "]");
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static Instant instant(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : Instant.parse(value.asString());
    }
}
