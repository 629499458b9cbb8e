package dev.shoal.guestagent;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.guestagent.heartbeat.HeartbeatSender;
import dev.shoal.guestagent.mysql.MysqlManager;
import dev.shoal.guestagent.rpc.Dispatcher;
import dev.shoal.guestagent.rpc.GuestChannel;
import dev.shoal.guestagent.rpc.MessageVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent beside one node's datastore: {@code java -jar shoal-guestagent.jar <node dir>/guest.properties}. */
public final class GuestAgent {

    private static final Logger log = LoggerFactory.getLogger(GuestAgent.class);

    private GuestAgent() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GuestAgent <guest.properties>");
            System.exit(2);
        }
        GuestConfig config = GuestConfig.load(Path.of(args[0]));
        Clock clock = Clock.systemUTC();
        MessageCodec codec = new MessageCodec();
        DatastoreManager datastore = new MysqlManager(config);
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon("guest-worker"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("guest-heartbeat"));
        GuestChannel channel = new GuestChannel(config.amqpUri(), config.nodeId(), config.secret(), codec);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.shutdownNow();
            worker.shutdownNow();
            try {
                channel.close();
            } catch (Exception ignored) {
                // the broker connection is going away with the process anyway
            }
        }, "guest-shutdown"));

        worker.submit(() -> {
            try {
                datastore.resume();
            } catch (Exception e) {
                log.error("could not resume the datastore of node {}: {}", config.nodeId(), e.getMessage());
            }
        });
        HeartbeatSender heartbeats = new HeartbeatSender(config, datastore, channel, codec, clock);
        heartbeats.start(scheduler);
        Dispatcher dispatcher = new Dispatcher(config, datastore, channel,
                new MessageVerifier(config.nodeId(), config.secret(), codec, clock), codec, clock, worker,
                heartbeats::beatNow);
        channel.consume(dispatcher::onDelivery);
        log.info("guest agent of node {} serving on {}", config.nodeId(), config.address());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(false);
            return thread;
        };
    }
}
