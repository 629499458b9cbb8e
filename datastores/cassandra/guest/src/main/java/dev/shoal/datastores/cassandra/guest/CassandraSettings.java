package dev.shoal.datastores.cassandra.guest;

import dev.shoal.guest.spi.GuestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * What the compute driver tells a Cassandra guest beyond the common settings: {@code cassandra.lib} (the server's
 * jars, as {@code cassandra-dist} lays them out), {@code java.binary} (the JVM to run it with, this agent's by
 * default) and {@code cassandra.start-timeout} (ISO-8601, PT5M by default).
 */
record CassandraSettings(GuestConfig config) {

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);

    Path lib() {
        Path lib = config.setting("cassandra.lib").map(Path::of).orElseThrow(() -> new IllegalStateException(
                "cassandra.lib is not set: point it at a Cassandra lib directory (cassandra-dist/target/cassandra/lib)"));
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("cassandra.lib " + lib + " is not a directory");
        }
        return lib;
    }

    Path javaBinary() {
        return config.setting("java.binary").map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    Duration startTimeout() {
        String value = config.setting("cassandra.start-timeout").orElse(null);
        if (value == null) {
            return DEFAULT_START_TIMEOUT;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cassandra.start-timeout must be an ISO-8601 duration such as PT5M,"
                    + " not '" + value + "'");
        }
    }
}
