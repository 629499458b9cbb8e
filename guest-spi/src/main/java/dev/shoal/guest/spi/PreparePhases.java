package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.PrepareTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The phases of a datastore's prepare as the guest times them, so that a build's breakdown can tell the datastore's
 * own time (its bootstrap, its start) from everything around it.
 */
public final class PreparePhases {

    private final List<PrepareTimes.Phase> phases = new ArrayList<>();

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} and records how long it took under {@code name}, also when it fails. */
    public void time(String name, Work work) throws Exception {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            record(name, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    public synchronized void record(String name, Duration took) {
        phases.add(PrepareTimes.Phase.of(name, took));
    }

    public synchronized List<PrepareTimes.Phase> recorded() {
        return List.copyOf(phases);
    }
}
