package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.bench.BenchContext;
import dev.shoal.bench.SyntheticTenant;
import dev.shoal.contracts.Routing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The flood into the conductor's own queue, with the run's first real node frozen a moment after it starts: the
 * conductor's pace while the queue is never empty, what became of every heartbeat, and how long after its last
 * heartbeat the silent node showed SHUTDOWN.
 */
final class ConductorFlood {

    private static final Duration RAMP = Duration.ofSeconds(2);
    private static final Duration DRAIN = Duration.ofSeconds(90);

    private final BenchContext context;
    private final ConnectionFactory broker;
    private final SyntheticTenant tenant;
    private final HeartbeatMessages messages;
    private final int publishers;

    ConductorFlood(BenchContext context, ConnectionFactory broker, SyntheticTenant tenant, HeartbeatMessages messages,
                   int publishers) {
        this.context = context;
        this.broker = broker;
        this.tenant = tenant;
        this.messages = messages;
        this.publishers = publishers;
    }

    /**
     * @param rate              heartbeats the conductor counted per second while the flood ran
     * @param outcomes          what became of the heartbeats counted from the flood's start until it was drained
     * @param silentForSeconds  from the silent node's last heartbeat to the API showing it SHUTDOWN; -1 if never
     */
    record Result(double rate, Map<String, Long> outcomes, double silentForSeconds) {
    }

    Result run(Duration window) throws Exception {
        String instance = context.instances().first();
        UUID node = context.nodeOf(instance);
        String tenantOfInstance = context.instances().tenant();
        Map<String, Long> before = ConductorCounters.heartbeats(context.api());
        double silentFor = -1;
        double rate;
        long published;
        try (Flood flood = Flood.start(broker, Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, Routing.CONDUCTOR_QUEUE,
                tenant.nodes(), messages, publishers);
             SilentNode silent = SilentNode.of(context.standalone().nodesDir(), node.toString())) {
            Thread.sleep(RAMP.toMillis());
            Map<String, Long> atStart = ConductorCounters.heartbeats(context.api());
            long start = System.nanoTime();
            silent.silence();
            long end = start + window.toNanos();
            while (System.nanoTime() < end) {
                flood.requireRunning();
                if (silentFor < 0 && context.api().status(tenantOfInstance, instance).orElse("")
                        .equals("SHUTDOWN")) {
                    silentFor = Duration.between(lastHeartbeat(node), Instant.now()).toMillis() / 1000.0;
                    BenchContext.log("silent node SHUTDOWN %.1f s after its last heartbeat", silentFor);
                }
                Thread.sleep(200);
            }
            Map<String, Long> atEnd = ConductorCounters.heartbeats(context.api());
            rate = (ConductorCounters.total(atEnd) - ConductorCounters.total(atStart))
                    / ((System.nanoTime() - start) / 1e9);
            BenchContext.log("conductor: %.0f heartbeats/s; conductor queue empty in %.0f%% of readings", rate,
                    flood.emptyShare() * 100);
            flood.stop();
            published = flood.published();
        }
        Map<String, Long> outcomes = drain(before, published);
        try {
            context.api().awaitStatus(tenantOfInstance, instance, "ACTIVE", Duration.ofSeconds(60));
        } catch (java.io.IOException e) {
            BenchContext.log("the silent node did not come back: %s", e.getMessage());
        }
        return new Result(rate, outcomes, silentFor);
    }

    /** Until every heartbeat published has been counted (real guests' own come on top), bounded. */
    private Map<String, Long> drain(Map<String, Long> before, long published) throws Exception {
        Instant deadline = Instant.now().plus(DRAIN);
        Map<String, Long> since = ConductorCounters.since(before, ConductorCounters.heartbeats(context.api()));
        while (ConductorCounters.total(since) < published && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            since = ConductorCounters.since(before, ConductorCounters.heartbeats(context.api()));
        }
        if (ConductorCounters.total(since) < published) {
            BenchContext.log("only %d of %d flood heartbeats counted within %d s", ConductorCounters.total(since),
                    published, DRAIN.toSeconds());
        }
        return since;
    }

    /** When the node sent the last heartbeat the conductor applied. */
    private Instant lastHeartbeat(UUID node) throws Exception {
        try (Connection connection = context.database().connect();
             PreparedStatement query = connection.prepareStatement(
                     "select sent_at from service_statuses where node_id = ?")) {
            query.setObject(1, node);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Timestamp sent = rows.getTimestamp(1);
                return sent.toInstant();
            }
        }
    }
}
