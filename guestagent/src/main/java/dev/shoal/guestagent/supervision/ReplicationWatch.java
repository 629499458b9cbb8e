package dev.shoal.guestagent.supervision;

import dev.shoal.contracts.conductor.ReplicationReport;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.Replicated;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What failover needs from a node of a replication set, watched every interval and told at once when it changes: a
 * replica connects to its master's server port and remembers since when it could not (failover counts the replicas
 * that cannot reach their master, so a master whose guest alone died is never failed over); a master says whether a
 * replica holds each commit it acknowledges (failover promotes by itself only while one does).
 */
public final class ReplicationWatch {

    private static final Logger log = LoggerFactory.getLogger(ReplicationWatch.class);

    private final Replicated replicated;
    private final Runnable report;
    private final Clock clock;
    private final Duration timeout;
    private volatile Instant unreachableSince;
    private volatile Boolean syncReplication;

    /** @param report sends a heartbeat at once */
    public ReplicationWatch(Replicated replicated, Runnable report, Clock clock, Duration timeout) {
        this.replicated = replicated;
        this.report = report;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The watch of {@code datastore}, when it is replicated. */
    public static Optional<ReplicationWatch> of(DatastoreManager datastore, Runnable report, Clock clock,
                                                Duration timeout) {
        return datastore.ability(Replicated.class).map(replicated -> new ReplicationWatch(replicated, report, clock,
                timeout));
    }

    public void start(ScheduledExecutorService scheduler, Duration every) {
        scheduler.scheduleWithFixedDelay(this::watch, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the next heartbeat tells. */
    public ReplicationReport report() {
        return new ReplicationReport(replicated.awaitingConfirmation(), unreachableSince, syncReplication);
    }

    void watch() {
        Instant wasUnreachable = unreachableSince;
        Boolean wasSync = syncReplication;
        Optional<InetSocketAddress> master = replicated.followedMaster();
        if (master.isEmpty() || reachable(master.get())) {
            unreachableSince = null;
        } else if (wasUnreachable == null) {
            unreachableSince = clock.instant();
        }
        try {
            syncReplication = replicated.syncReplication().orElse(null);
        } catch (Exception unanswered) {
            syncReplication = null;
        }
        boolean reachabilityChanged = (wasUnreachable == null) != (unreachableSince == null);
        if (reachabilityChanged) {
            log.warn("the master {} is {}", master.map(InetSocketAddress::toString).orElse("(none now)"),
                    unreachableSince == null ? "reachable again" : "unreachable");
        }
        if (!Objects.equals(wasSync, syncReplication)) {
            log.info("commits held by a replica: {}", syncReplication);
        }
        if (reachabilityChanged || !Objects.equals(wasSync, syncReplication)) {
            report.run();
        }
    }

    private boolean reachable(InetSocketAddress master) {
        try (Socket socket = new Socket()) {
            socket.connect(master, (int) timeout.toMillis());
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
