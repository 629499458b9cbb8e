package dev.shoal.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The threads of a load phase, one per connection, each recording into latencies of its own. */
final class Workers {

    /**
     * @param latencies every thread's, merged
     * @param seconds   from the phase's start until the last thread ended
     * @param open      connections to the server counted near the phase's end
     */
    record Done(Latencies latencies, double seconds, int open) {
    }

    private Workers() {
    }

    /** Runs {@code work} on {@code connections} threads and waits for them all; {@code start} is a nanoTime. */
    static Done run(String name, int connections, Duration duration, int serverPort, long start,
                    Consumer<Latencies> work) throws InterruptedException {
        List<Latencies> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Latencies latencies = new Latencies();
            perThread.add(latencies);
            Thread thread = new Thread(() -> work.accept(latencies), name + "-" + i);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(Math.max(0, duration.toMillis() - 500));
        int open = LoopbackConnections.to(serverPort);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Done(Latencies.merge(perThread), (System.nanoTime() - start) / 1e9, open);
    }
}
