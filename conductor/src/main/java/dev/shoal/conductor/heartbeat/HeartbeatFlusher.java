package dev.shoal.conductor.heartbeat;

import dev.shoal.conductor.ConductorProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the buffered heartbeats every flush interval, and once more when the conductor stops, after its listeners
 * have: a clean stop loses nothing. Last-seen times and statuses are written in two short transactions, so that
 * neither holds its rows while waiting for the other's. What a failed flush did not write is tried again next time.
 * It runs on a thread of its own: a flush of 10,000 rows takes long enough to hold back the expiry sweep and every
 * other scheduled job were it on the process's one scheduling thread.
 */
@Component
class HeartbeatFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatFlusher.class);

    private final HeartbeatBuffer buffer;
    private final HeartbeatRows rows;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private volatile ScheduledExecutorService schedule;

    HeartbeatFlusher(HeartbeatBuffer buffer, HeartbeatRows rows, TransactionTemplate transactions,
                     ConductorProperties properties) {
        this.buffer = buffer;
        this.rows = rows;
        this.transactions = transactions;
        this.interval = properties.flushInterval();
    }

    /** @return how many nodes' statuses were written */
    synchronized int flush() {
        List<PendingHeartbeat> pending = buffer.drain();
        if (pending.isEmpty()) {
            return 0;
        }
        try {
            transactions.executeWithoutResult(status -> rows.advanceLastSeen(pending));
            Integer written = transactions.execute(status -> rows.writeStatuses(pending));
            log.debug("flushed {} heartbeats, {} statuses written", pending.size(), written);
            return written == null ? 0 : written;
        } catch (RuntimeException e) {
            buffer.restore(pending);
            log.warn("could not write {} heartbeats, trying again at the next flush: {}", pending.size(),
                    e.toString());
            return 0;
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heartbeat-flush");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        schedule = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = schedule;
        schedule = null;
        if (stopping != null) {
            stopping.shutdown();
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    /** Stopped after the listener containers (which stop in the default, highest phase), before the data source. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
