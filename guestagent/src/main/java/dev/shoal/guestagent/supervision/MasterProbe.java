package dev.shoal.guestagent.supervision;

import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.Replicated;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's watch on its master: every interval it connects to the master's server port and remembers since when it
 * could not. A change is told at once: failover counts the replicas that cannot reach their master, so that a master
 * whose guest alone died, while its server still serves, is never failed over.
 */
public final class MasterProbe {

    private static final Logger log = LoggerFactory.getLogger(MasterProbe.class);

    private final Supplier<Optional<InetSocketAddress>> followedMaster;
    private final Runnable report;
    private final Clock clock;
    private final Duration timeout;
    private volatile Instant unreachableSince;

    /**
     * @param followedMaster the master's server the node follows now, if any
     * @param report         sends a heartbeat at once
     */
    public MasterProbe(Supplier<Optional<InetSocketAddress>> followedMaster, Runnable report, Clock clock,
                       Duration timeout) {
        this.followedMaster = followedMaster;
        this.report = report;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The probe of the master {@code datastore} follows, if it is replicated and follows one. */
    public static MasterProbe of(DatastoreManager datastore, Runnable report, Clock clock, Duration timeout) {
        return new MasterProbe(() -> datastore.ability(Replicated.class).flatMap(Replicated::followedMaster), report,
                clock, timeout);
    }

    public void start(ScheduledExecutorService scheduler, Duration every) {
        scheduler.scheduleWithFixedDelay(this::probe, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Since when this replica cannot reach its master; null while it can, or when it follows none. */
    public Instant unreachableSince() {
        return unreachableSince;
    }

    void probe() {
        Optional<InetSocketAddress> master = followedMaster.get();
        Instant before = unreachableSince;
        if (master.isEmpty() || reachable(master.get())) {
            unreachableSince = null;
        } else if (before == null) {
            unreachableSince = clock.instant();
        }
        if ((before == null) != (unreachableSince == null)) {
            log.warn("the master {} is {}", master.map(InetSocketAddress::toString).orElse("(none now)"),
                    unreachableSince == null ? "reachable again" : "unreachable");
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
