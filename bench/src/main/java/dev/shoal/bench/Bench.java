package dev.shoal.bench;

import dev.shoal.bench.report.Machine;
import dev.shoal.bench.report.ResultJson;
import dev.shoal.bench.report.ResultTable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the figures against one standalone it starts on this machine's loopback, prints their table and writes it
 * as JSON. Exits non-zero when the bench itself failed; a missed goal is a line of the table, not a failure.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        BenchSettings settings = BenchSettings.from(System.getenv());
        List<Figure> figures = Figures.all(settings).stream().filter(settings::runs).toList();
        Instant started = Instant.now();
        List<Measurement> measurements = new ArrayList<>();
        boolean failed = false;
        try (BenchContext context = BenchContext.start(settings)) {
            for (Figure figure : figures) {
                BenchContext.log("%s ...", figure.name());
                try {
                    measurements.addAll(figure.run(context));
                } catch (Exception e) {
                    failed = true;
                    BenchContext.log("%s failed: %s", figure.name(), e);
                    e.printStackTrace();
                    measurements.add(Measurement.failed(figure.name(), e.toString()));
                }
            }
        } catch (Exception e) {
            failed = true;
            BenchContext.log("the bench could not run: %s", e);
            e.printStackTrace();
        }
        Duration took = Duration.between(started, Instant.now());
        report(settings, started, took, measurements);
        System.exit(failed ? 1 : 0);
    }

    private static void report(BenchSettings settings, Instant started, Duration took,
                               List<Measurement> measurements) {
        Machine machine = Machine.describe(settings.repository());
        System.out.println();
        System.out.println(machine.summary() + "; " + took.toSeconds() + " s"
                + (settings.scale() == 1 ? "" : ", BENCH_SECONDS=" + settings.scale())
                + (settings.only().isEmpty() ? "" : ", BENCH_ONLY=" + String.join(",", settings.only())));
        System.out.println();
        System.out.print(ResultTable.format(measurements));
        try {
            Path file = ResultJson.write(settings.resultsDir(), started,
                    settings.scale() == 1 && settings.only().isEmpty(),
                    ResultJson.format(machine, started, took, settings.scale(), settings.only().stream().sorted()
                            .toList(), measurements));
            System.out.println();
            System.out.println("written to " + settings.repository().relativize(file));
        } catch (Exception e) {
            BenchContext.log("results not written: %s", e);
        }
    }
}
