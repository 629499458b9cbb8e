package dev.shoal.guestagent;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastores;
import dev.shoal.guest.spi.PreparePhases;
import dev.shoal.guestagent.broker.BrokerAddressFile;
import dev.shoal.guestagent.heartbeat.HeartbeatSender;
import dev.shoal.guestagent.rpc.Dispatcher;
import dev.shoal.guestagent.rpc.GuestChannel;
import dev.shoal.guestagent.rpc.MessageVerifier;
import dev.shoal.guestagent.supervision.ReplicationWatch;
import dev.shoal.guestagent.supervision.ServerSupervisor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent beside one node's datastore: {@code java -cp shoal-guestagent.jar ...GuestAgent <node dir>/guest.properties}. */
public final class GuestAgent {

    private static final Logger log = LoggerFactory.getLogger(GuestAgent.class);
    private static final Duration MAX_CONNECT_BACKOFF = Duration.ofSeconds(30);

    private GuestAgent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GuestAgent <guest.properties>");
            System.exit(2);
        }
        GuestConfig config;
        try {
            config = GuestConfig.load(Path.of(args[0]));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read guest configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        Clock clock = Clock.systemUTC();
        MessageCodec codec = new MessageCodec();
        DatastoreManager datastore;
        try {
            datastore = GuestDatastores.forConfig(config);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(named("guest-worker"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("guest-heartbeat"));
        AtomicReference<GuestChannel> channel = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(scheduler, worker, channel.get()),
                "guest-shutdown"));

        // a restarted guest serves its prepared datastore again even while the broker is away; a new one does what its
        // prepare will need meanwhile, which the prepare, queued on the same worker, then finds done
        worker.submit(() -> {
            resume(config, datastore);
            prepareAhead(config, datastore);
        });
        try {
            channel.set(connect(config, BrokerAddressFile.of(config), codec));
        } catch (IllegalArgumentException e) {
            log.error("cannot use the broker of node {}: {}", config.nodeId(), e.getMessage());
            System.exit(2);
        }
        AtomicReference<HeartbeatSender> beats = new AtomicReference<>();
        ServerSupervisor supervisor = ServerSupervisor.of(config, datastore, () -> beats.get().beatNow(), clock);
        Duration watchEvery = config.setting("failover.probe-interval").map(Duration::parse)
                .orElse(Duration.ofSeconds(1));
        Optional<ReplicationWatch> replication = ReplicationWatch.of(datastore, () -> beats.get().beatNow(), clock,
                watchEvery);
        HeartbeatSender heartbeats = new HeartbeatSender(config, datastore, channel.get(), codec, clock,
                supervisor::counts, () -> replication.map(ReplicationWatch::report).orElse(null));
        beats.set(heartbeats);
        heartbeats.start(scheduler);
        supervisor.start(scheduler, worker, config.setting("supervision.interval").map(Duration::parse)
                .orElse(Duration.ofSeconds(1)));
        // on a thread of its own: a probe of a master whose host is gone waits out its whole timeout
        replication.ifPresent(watch -> watch.start(Executors.newSingleThreadScheduledExecutor(
                daemon("guest-replication-watch")), watchEvery));
        PreparePhases agentPhases = new PreparePhases();
        Dispatcher dispatcher = new Dispatcher(config, datastore, channel.get(),
                new MessageVerifier(config.nodeId(), config.secret(), codec, clock), codec, clock, worker,
                heartbeats::beatNow, agentPhases);
        channel.get().consume(dispatcher::onDelivery);
        // part of every build's time that is not the datastore's: its JVM's start to the first message it can take.
        // Not the process's start time: Linux gives that from a boot time rounded to the second.
        agentPhases.record("agent start", Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
        log.info("guest agent of node {} serving on {}", config.nodeId(), config.address());
    }

    /**
     * The client's automatic recovery covers outages of an established connection only; a guest started while
     * the broker is down keeps trying, backing off, instead of dying, and reads the broker file again on each
     * try, since the broker it was started with may be gone for good.
     */
    private static GuestChannel connect(GuestConfig config, BrokerAddressFile brokers, MessageCodec codec)
            throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                return new GuestChannel(brokers, config.nodeId(), config.secret(), codec);
            } catch (IOException | TimeoutException e) {
                log.warn("broker {} not reachable for node {} ({}); retrying in {} s", brokers.lastResolved(),
                        config.nodeId(), e, backoff.toSeconds());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_CONNECT_BACKOFF) > 0 ? MAX_CONNECT_BACKOFF
                        : backoff.multipliedBy(2);
            }
        }
    }

    private static void resume(GuestConfig config, DatastoreManager datastore) {
        try {
            datastore.resume();
        } catch (Exception e) {
            log.error("could not resume the datastore of node {}: {}", config.nodeId(), e.getMessage());
        }
    }

    private static void prepareAhead(GuestConfig config, DatastoreManager datastore) {
        try {
            datastore.prepareAhead();
        } catch (Exception e) {
            // the prepare does it again and reports what fails
            log.warn("could not prepare the datastore of node {} ahead: {}", config.nodeId(), e.getMessage());
        }
    }

    /** The datastore keeps running: an agent restart must not take the database down with it. */
    private static void shutdown(ScheduledExecutorService scheduler, ExecutorService worker, GuestChannel channel) {
        scheduler.shutdownNow();
        worker.shutdownNow();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException | RuntimeException ignored) {
                // the broker connection goes away with the process anyway
            }
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> new Thread(runnable, name);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
