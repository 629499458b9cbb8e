package dev.shoal.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run is told through its environment.
 *
 * @param repository   the checkout: where the standalone jar is and results are written
 * @param port         the standalone's HTTP port ({@code BENCH_PORT})
 * @param firstAddress the standalone's first node address ({@code BENCH_FIRST_ADDRESS})
 * @param database     the PostgreSQL database made for the run and dropped after it ({@code BENCH_DB})
 * @param vhost        the RabbitMQ virtual host made for the run and deleted after it ({@code BENCH_VHOST})
 * @param scale        every timed phase's length is multiplied by it ({@code BENCH_SECONDS}: 1 for the full run,
 *                     0.3 for a quick look)
 * @param only         the figures to run ({@code BENCH_ONLY=P2,P3}); empty for all
 * @param nodes        real nodes the memory figure runs at once ({@code BENCH_NODES}; by default 30, fewer for a
 *                     shortened run)
 */
public record BenchSettings(Path repository, int port, String firstAddress, String database, String vhost,
                            double scale, Set<String> only, int nodes) {

    private static final int NODES = 30;

    public static BenchSettings from(Map<String, String> env) {
        Path repository = Path.of(env.getOrDefault("BENCH_REPOSITORY", ".")).toAbsolutePath().normalize();
        double scale = Double.parseDouble(env.getOrDefault("BENCH_SECONDS", "1"));
        int nodes = (int) Math.max(2, Math.round(NODES * Math.min(1, scale)));
        return new BenchSettings(repository,
                Integer.parseInt(env.getOrDefault("BENCH_PORT", "8790")),
                env.getOrDefault("BENCH_FIRST_ADDRESS", "127.0.40.1"),
                env.getOrDefault("BENCH_DB", "shoal_bench"),
                env.getOrDefault("BENCH_VHOST", "shoal-bench"),
                scale,
                Arrays.stream(env.getOrDefault("BENCH_ONLY", "").split(","))
                        .map(name -> name.strip().toUpperCase(Locale.ROOT))
                        .filter(name -> !name.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()),
                Integer.parseInt(env.getOrDefault("BENCH_NODES", Integer.toString(nodes))));
    }

    public boolean runs(Figure figure) {
        return only.isEmpty() || only.contains(figure.name().toUpperCase(Locale.ROOT));
    }

    /** A phase of {@code seconds} at full scale, never under a second. */
    public Duration phase(double seconds) {
        return Duration.ofMillis(Math.max(1000, Math.round(seconds * scale * 1000)));
    }

    public Path standaloneJar() {
        return repository.resolve("standalone/target/shoal-standalone.jar");
    }

    public Path resultsDir() {
        return repository.resolve("bench/results");
    }
}
