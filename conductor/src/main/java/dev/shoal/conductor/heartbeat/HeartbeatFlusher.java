package dev.shoal.conductor.heartbeat;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the buffered heartbeats every flush interval, and once more when the conductor stops, after its listeners
 * have: a clean stop loses nothing. Last-seen times and statuses are written in two short transactions, so that
 * neither holds its rows while waiting for the other's. What a failed flush did not write is tried again next time.
 */
@Component
class HeartbeatFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatFlusher.class);

    private final HeartbeatBuffer buffer;
    private final HeartbeatRows rows;
    private final TransactionTemplate transactions;
    private volatile boolean running;

    HeartbeatFlusher(HeartbeatBuffer buffer, HeartbeatRows rows, TransactionTemplate transactions) {
        this.buffer = buffer;
        this.rows = rows;
        this.transactions = transactions;
    }

    // The delay comes from the bound properties record, as HeartbeatExpirySweeper's does.
    @Scheduled(fixedDelayString = "#{@'shoal.conductor-dev.shoal.conductor.ConductorProperties'"
            + ".flushInterval().toMillis()}")
    void flushOnSchedule() {
        flush();
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
        running = true;
    }

    @Override
    public void stop() {
        flush();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped after the listener containers (which stop in the default, highest phase), before the data source. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
