package dev.shoal.bench.heartbeat;

import dev.shoal.bench.plane.ShoalApi;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The conductor's heartbeat outcomes as its Prometheus endpoint counts them ({@code shoal_conductor_messages_total}). */
final class ConductorCounters {

    private static final Pattern OUTCOME = Pattern.compile("outcome=\"([a-z_]+)\"");

    private ConductorCounters() {
    }

    /** Heartbeats counted so far, by outcome ({@code applied}, {@code rejected}...). */
    static Map<String, Long> heartbeats(ShoalApi api) throws IOException, InterruptedException {
        HttpResponse<String> response = api.send("GET", "/actuator/prometheus", null);
        if (response.statusCode() != 200) {
            throw new IOException("/actuator/prometheus: " + response.statusCode());
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("shoal_conductor_messages_total{") || !line.contains("type=\"heartbeat\"")) {
                continue;
            }
            Matcher outcome = OUTCOME.matcher(line);
            if (outcome.find()) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                counts.merge(outcome.group(1), Math.round(value), Long::sum);
            }
        }
        return counts;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What was counted between two readings, by outcome. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((outcome, count) -> delta.put(outcome, count - before.getOrDefault(outcome, 0L)));
        return delta;
    }
}
