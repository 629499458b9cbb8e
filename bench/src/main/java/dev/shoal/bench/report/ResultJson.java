package dev.shoal.bench.report;

import dev.shoal.bench.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The run as JSON, one file a day under bench/results: the machine, then every measurement. */
public final class ResultJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultJson() {
    }

    /**
     * @param scale the run's {@code BENCH_SECONDS}
     * @param only  the figures it was limited to ({@code BENCH_ONLY}); empty for all
     */
    public static String format(Machine machine, Instant started, Duration took, double scale, List<String> only,
                                List<Measurement> measurements) {
        ObjectNode root = JSON.createObjectNode();
        root.put("started", started.toString());
        root.put("seconds", took.toSeconds());
        root.put("scale", scale);
        root.set("only", JSON.valueToTree(only));
        root.set("machine", JSON.valueToTree(machine));
        ArrayNode rows = root.putArray("measurements");
        for (Measurement m : measurements) {
            ObjectNode row = rows.addObject();
            row.put("figure", m.figure());
            number(row, "value", m.value());
            row.put("unit", m.unit());
            if (m.floor() != null) {
                row.put("floor", m.floor());
                number(row, "floorValue", m.floorValue());
                number(row, "ratio", m.ratio());
            }
            if (m.goal() != null) {
                row.put("goal", m.goal());
            }
            if (m.met() != null) {
                row.put("met", m.met());
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * @param full whether every figure ran at full length: a shortened or partial run goes to a file of its own, so
     *             that it never replaces the day's full one
     * @return the file written, {@code <dir>/<yyyy-MM-dd>.json} of the run's start (UTC), or
     *         {@code <yyyy-MM-dd>-partial.json}
     */
    public static Path write(Path dir, Instant started, boolean full, String json) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDate.ofInstant(started, ZoneOffset.UTC) + (full ? "" : "-partial") + ".json");
        Files.writeString(file, json);
        return file;
    }

    private static void number(ObjectNode row, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            row.putNull(name);
        } else {
            row.put(name, value);
        }
    }
}
