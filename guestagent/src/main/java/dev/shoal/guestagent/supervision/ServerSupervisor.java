package dev.shoal.guestagent.supervision;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the datastore's server again when it exits unexpectedly. The crash is reported at once, then the server is
 * started after 1 s, 2 s, 4 s and so on up to a minute; after {@link #MAX_CRASHES} crashes within {@link #WINDOW} it
 * stays down, {@code FAILED}, with the last lines of its log. The checks run on the agent's worker, between calls,
 * so a call that stops the server on purpose is never taken for a crash.
 */
public final class ServerSupervisor {

    static final int MAX_CRASHES = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    static final int LOG_LINES = 20;

    private static final Logger log = LoggerFactory.getLogger(ServerSupervisor.class);

    private final DatastoreManager datastore;
    private final Runnable report;
    private final Clock clock;
    private final Duration firstBackoff;
    private final Deque<Instant> crashes = new ArrayDeque<>();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private boolean down;
    private Instant nextStart;
    private final SupervisionFile file;
    private volatile Counts counts;

    /**
     * @param report sends a heartbeat at once, so the conductor learns of a crash, and of the recovery, first
     * @param file   where the counts outlive this agent; null to keep them in memory only
     */
    public ServerSupervisor(DatastoreManager datastore, Runnable report, Clock clock, Duration firstBackoff,
                            SupervisionFile file) {
        this.datastore = datastore;
        this.report = report;
        this.clock = clock;
        this.firstBackoff = firstBackoff;
        this.file = file;
        this.counts = file == null ? Counts.NONE : file.read();
    }

    /** Supervision as a node's settings ask: {@code supervision.first-backoff} (1 s by default). */
    public static ServerSupervisor of(GuestConfig config, DatastoreManager datastore, Runnable report, Clock clock) {
        return new ServerSupervisor(datastore, report, clock,
                config.setting("supervision.first-backoff").map(Duration::parse).orElse(Duration.ofSeconds(1)),
                new SupervisionFile(config.nodeDir().resolve("supervision.properties")));
    }

    /** What the heartbeat tells: how often the server was started again after a crash, and its last crash. */
    public record Counts(int restarts, Instant lastCrash) {
        static final Counts NONE = new Counts(0, null);
    }

    /** Checks every {@code every} on {@code worker}, never queueing a check behind one not yet run. */
    public void start(ScheduledExecutorService scheduler, Executor worker, Duration every) {
        scheduler.scheduleWithFixedDelay(() -> {
            if (!checkQueued.compareAndSet(false, true)) {
                return;
            }
            try {
                worker.execute(() -> {
                    try {
                        check();
                    } finally {
                        checkQueued.set(false);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                checkQueued.set(false);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The counts so far, across restarts of this agent. */
    public Counts counts() {
        return counts;
    }

    synchronized void check() {
        if (datastore.status() != ServiceStatus.CRASHED) {
            down = false;
            return;
        }
        Instant now = clock.instant();
        if (!down) {
            down = true;
            if (!crashed(now)) {
                return;
            }
        }
        if (!now.isBefore(nextStart)) {
            startAgain();
        }
    }

    /** @return whether the server is to be started again; not once it crashed too often */
    private boolean crashed(Instant now) {
        count(new Counts(counts.restarts(), now));
        crashes.addLast(now);
        while (!crashes.isEmpty() && crashes.peekFirst().isBefore(now.minus(WINDOW))) {
            crashes.removeFirst();
        }
        String why = datastore.statusDescription();
        if (crashes.size() >= MAX_CRASHES) {
            String reason = "crashed " + crashes.size() + " times within " + WINDOW.toMinutes()
                    + " minutes and stays down (" + why + "); the last lines of its log:\n"
                    + String.join("\n", datastore.serverLogTail(LOG_LINES));
            log.error("the datastore {}", reason);
            datastore.giveUp(reason);
            // started again by hand, it has its tries again
            crashes.clear();
            report.run();
            return false;
        }
        Duration wait = backoff(crashes.size());
        nextStart = now.plus(wait);
        log.warn("the datastore crashed ({}); starting it again in {} ms", why, wait.toMillis());
        report.run();
        return true;
    }

    private void startAgain() {
        count(new Counts(counts.restarts() + 1, counts.lastCrash()));
        try {
            datastore.resume();
            log.info("the datastore runs again after its crash");
        } catch (Exception e) {
            log.warn("the datastore did not start again: {}", e.getMessage());
        }
        // a start that failed is the next crash; one that worked is told at once
        down = false;
        report.run();
    }

    private void count(Counts next) {
        counts = next;
        if (file != null) {
            file.write(next);
        }
    }

    /** 1, 2, 4 ... times the first wait, at most a minute, for the {@code nth} crash in the window. */
    Duration backoff(int nth) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(nth - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
