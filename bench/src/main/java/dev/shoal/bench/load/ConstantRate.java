package dev.shoal.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests at a fixed rate whatever the server does, each timed from when it was due rather than when it left: a
 * server that stalls makes every request due meanwhile late, and that lateness counts (no coordinated omission).
 * Requests take their due times in turn from one schedule; a connection busy past a due time leaves it to another,
 * or sends it late once free. A server too slow for the rate would keep the phase going long after its end: past
 * {@link #GRACE}, the requests still due are not sent, and each counts as late as it already is (a lower bound).
 */
public final class ConstantRate {

    private static final long GRACE = 5_000_000_000L;

    private ConstantRate() {
    }

    public static LoadResult run(HttpRequest request, double perSecond, int connections, Duration duration,
                                 int serverPort) throws InterruptedException {
        HttpClient client = LoadClient.HTTP;
        long interval = Math.round(1e9 / perSecond);
        long total = duration.toNanos() / interval;
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong unsent = new AtomicLong();
        long start = System.nanoTime() + 50_000_000;
        long stop = start + duration.toNanos() + GRACE;
        Workers.Done done = Workers.run("constant-rate", connections, duration, serverPort, start, latencies -> {
            for (long slot = next.getAndIncrement(); slot < total; slot = next.getAndIncrement()) {
                long due = start + slot * interval;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() > stop) {
                    latencies.record(System.nanoTime() - due);
                    unsent.incrementAndGet();
                    continue;
                }
                if (!ClosedLoop.send(client, request)) {
                    failed.incrementAndGet();
                }
                latencies.record(System.nanoTime() - due);
            }
        });
        return new LoadResult((done.latencies().count() - unsent.get()) / done.seconds(), done.latencies().summary(),
                failed.get() + unsent.get(), done.open());
    }
}
