package dev.shoal.guestagent.heartbeat;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.ReplicationReport;
import dev.shoal.guest.spi.Clustered;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guestagent.rpc.GuestChannel;
import dev.shoal.guestagent.supervision.ServerSupervisor;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the conductor every interval how the datastore is; a missed beat is simply the next one's job. */
public final class HeartbeatSender {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatSender.class);

    private final GuestConfig config;
    private final DatastoreManager datastore;
    private final GuestChannel channel;
    private final MessageCodec codec;
    private final Clock clock;
    private final String agentVersion;
    private final Supplier<ServerSupervisor.Counts> supervision;
    private final Supplier<ReplicationReport> replication;

    public HeartbeatSender(GuestConfig config, DatastoreManager datastore, GuestChannel channel, MessageCodec codec,
                           Clock clock) {
        this(config, datastore, channel, codec, clock, () -> null, () -> null);
    }

    /**
     * @param supervision            what the supervision of the server counted, told with every beat
     * @param replication what a replicated datastore's node tells for failover; null from others
     */
    public HeartbeatSender(GuestConfig config, DatastoreManager datastore, GuestChannel channel, MessageCodec codec,
                           Clock clock, Supplier<ServerSupervisor.Counts> supervision,
                           Supplier<ReplicationReport> replication) {
        this.supervision = supervision;
        this.replication = replication;
        this.config = config;
        this.datastore = datastore;
        this.channel = channel;
        this.codec = codec;
        this.clock = clock;
        String version = HeartbeatSender.class.getPackage().getImplementationVersion();
        this.agentVersion = version == null ? "dev" : version;
    }

    /**
     * Beats every interval, and at once whenever the broker connection comes back, so the conductor sees the
     * node again without waiting for the next interval (after an outage that may be what keeps it from
     * expiring).
     */
    public void start(ScheduledExecutorService scheduler) {
        long millis = config.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beat, 0, millis, TimeUnit.MILLISECONDS);
        channel.onRecovery(() -> {
            try {
                scheduler.execute(this::beat);
            } catch (RejectedExecutionException shuttingDown) {
                // the agent is stopping; nobody waits for this beat
            }
        });
    }

    /** A status change (prepare finished) is told at once rather than at the next interval. */
    public void beatNow() {
        beat();
    }

    synchronized void beat() {
        try {
            ServiceStatus status = datastore.status();
            ServerSupervisor.Counts counts = supervision.get();
            Heartbeat heartbeat = new Heartbeat(status, status == ServiceStatus.RUNNING ? null
                    : datastore.statusDescription(), VolumeUsage.bytesUnder(config.nodeDir()),
                    datastore.volumeTotalBytes(), agentVersion, counts == null ? null : counts.restarts(),
                    counts == null ? null : counts.lastCrash(), replication.get(),
                    datastore.ability(Clustered.class).flatMap(Clustered::electedRole).orElse(null));
            channel.publish(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, codec.envelope(MessageTypes.HEARTBEAT,
                    clock.instant(), null, null, config.nodeId(), heartbeat), null);
        } catch (Exception e) {
            log.warn("heartbeat of node {} not sent: {}", config.nodeId(), e.toString());
        }
    }
}
