package dev.shoal.conductor.heartbeat;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * What this conductor last accepted from each node's heartbeats and last wrote as its state. It decides, per node and
 * atomically, whether a heartbeat is a redelivery, stale, a change to write at once, or one to leave to the flush.
 * Seeded at start with what the database holds ({@link NodeMemorySeed}); a node it does not know yet has its first
 * heartbeat take the database's checks.
 */
@Component
class NodeMemory {

    enum Verdict { DUPLICATE, OUT_OF_ORDER, COALESCE, WRITE }

    /**
     * @param lastSent the newest heartbeat accepted here, on the guest's clock
     * @param written  the state this conductor last wrote; null when it must be read from the database again
     * @param writing  heartbeats being written at once right now: while any is, the state is not known
     */
    private record Entry(Instant lastSent, ReportedState written, int writing) {
    }

    /**
     * A node not heard from for this long (deleted, or its heartbeats consumed by other conductors) is forgotten, so
     * that the memory holds the nodes this conductor hears; its next heartbeat is written at once.
     */
    static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final ConcurrentMap<UUID, Entry> entries = Caffeine.newBuilder().expireAfterAccess(FORGET_AFTER)
            .<UUID, Entry>build().asMap();

    /**
     * A heartbeat admitted with {@link Verdict#WRITE} must be followed by {@link #written} or {@link #abandoned}.
     */
    Verdict admit(UUID node, Instant sentAt, ReportedState reported) {
        Verdict[] verdict = new Verdict[1];
        entries.compute(node, (id, entry) -> {
            if (entry == null) {
                verdict[0] = Verdict.WRITE;
                return new Entry(null, null, 1);
            }
            if (entry.lastSent() != null && !sentAt.isAfter(entry.lastSent())) {
                verdict[0] = sentAt.equals(entry.lastSent()) ? Verdict.DUPLICATE : Verdict.OUT_OF_ORDER;
                return entry;
            }
            if (entry.writing() > 0 || entry.written() == null || !reported.changesNothingIn(entry.written())) {
                verdict[0] = Verdict.WRITE;
                return new Entry(entry.lastSent(), entry.written(), entry.writing() + 1);
            }
            verdict[0] = Verdict.COALESCE;
            return new Entry(sentAt, entry.written(), 0);
        });
        return verdict[0];
    }

    /** What the database held of a node when this conductor started; a node heard from meanwhile is left as it is. */
    void seed(UUID node, Instant sentAt, ReportedState written) {
        entries.putIfAbsent(node, new Entry(sentAt, written, 0));
    }

    /** The heartbeat sent at {@code sentAt} was written, committed, as {@code state}. */
    void written(UUID node, Instant sentAt, ReportedState state) {
        entries.compute(node, (id, entry) -> {
            int writing = entry == null ? 0 : Math.max(0, entry.writing() - 1);
            if (entry != null && entry.lastSent() != null && !sentAt.isAfter(entry.lastSent())) {
                return new Entry(entry.lastSent(), entry.written(), writing);
            }
            return new Entry(sentAt, state, writing);
        });
    }

    /** A heartbeat admitted to be written was not: what the database holds is not known here any more. */
    void abandoned(UUID node) {
        entries.computeIfPresent(node, (id, entry) -> {
            int writing = Math.max(0, entry.writing() - 1);
            return entry.lastSent() == null && writing == 0 ? null : new Entry(entry.lastSent(), null, writing);
        });
    }

    /** Something other than a heartbeat changed the node's status: its next heartbeat is written at once. */
    void forget(UUID node) {
        entries.computeIfPresent(node, (id, entry) -> new Entry(entry.lastSent(), null, entry.writing()));
    }
}
