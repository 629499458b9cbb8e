package dev.shoal.contracts.guest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a node's guest measured of its own start and of its last prepare, in order: the agent's start (its JVM
 * started to serving the broker), then the datastore's phases ({@code install-db}, {@code server start},
 * {@code secure}...), which are the datastore's own time, then {@code prepare}, the whole prepare. Empty from a guest
 * restarted since, which prepared nothing.
 */
public record PrepareTimes(List<Phase> phases) {

    public PrepareTimes {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** @param millis how long the phase took */
    public record Phase(String name, long millis) {

        public static Phase of(String name, Duration took) {
            return new Phase(name, took.toMillis());
        }
    }

    /** As an operation step shows it: {@code agent start 0.52 s, install-db 1.21 s, ...}. */
    public String describe() {
        return phases.stream().map(phase -> String.format(Locale.ROOT, "%s %.2f s", phase.name(),
                phase.millis() / 1000.0)).collect(Collectors.joining(", "));
    }
}
