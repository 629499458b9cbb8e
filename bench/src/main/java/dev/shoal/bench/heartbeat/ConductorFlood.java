package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.bench.BenchContext;
import dev.shoal.contracts.Routing;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The flood into the conductor's own queue, with the run's first real node frozen a moment after it starts: the
 * conductor's pace while the queue is never empty, what became of every heartbeat, and how long after its last
 * heartbeat the silent node showed SHUTDOWN.
 */
final class ConductorFlood {

    private static final Duration RAMP = Duration.ofSeconds(2);
    /** Bounds the wait for the conductor to hear every node once (single writes, some thousands a minute). */
    private static final Duration WARM_UP = Duration.ofSeconds(180);
    private static final Duration DRAIN = Duration.ofSeconds(90);
    private static final Duration SILENT_AFTER = Duration.ofSeconds(30);

    private final BenchContext context;
    private final ConnectionFactory broker;
    private final List<List<HeartbeatMessages.Message>> shares;
    private final int nodes;

    /** @param nodes how many nodes the heartbeats come from; each one's first is sent before the others' second */
    ConductorFlood(BenchContext context, ConnectionFactory broker, List<List<HeartbeatMessages.Message>> shares,
                   int nodes) {
        this.context = context;
        this.broker = broker;
        this.shares = shares;
        this.nodes = nodes;
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
                shares, Flood.BACKLOG);
             Frozen silent = Frozen.guestOf(context.standalone().nodesDir(), node.toString())) {
            warmUp(before, flood);
            Thread.sleep(RAMP.toMillis());
            Map<String, Long> atStart = ConductorCounters.heartbeats(context.api());
            long start = System.nanoTime();
            silent.freeze();
            long end = start + window.toNanos();
            while (System.nanoTime() < end && !flood.exhausted()) {
                flood.requireRunning();
                silentFor = silentFor >= 0 ? silentFor : shutdownAfter(node, tenantOfInstance, instance);
                Thread.sleep(200);
            }
            Map<String, Long> atEnd = ConductorCounters.heartbeats(context.api());
            rate = (ConductorCounters.total(atEnd) - ConductorCounters.total(atStart))
                    / ((System.nanoTime() - start) / 1e9);
            BenchContext.log("conductor: %.0f heartbeats/s; its queue empty in %.0f%% of readings%s", rate,
                    flood.emptyShare() * 100, flood.exhausted() ? "; every heartbeat made was sent" : "");
            flood.stop();
            published = flood.published();
            // a flood shorter than the expiry leaves the silent node to be seen after it
            for (Instant deadline = Instant.now().plus(SILENT_AFTER); silentFor < 0
                    && Instant.now().isBefore(deadline); Thread.sleep(200)) {
                silentFor = shutdownAfter(node, tenantOfInstance, instance);
            }
        }
        Map<String, Long> outcomes = drain(before, published);
        try {
            context.api().awaitStatus(tenantOfInstance, instance, "ACTIVE", Duration.ofSeconds(60));
        } catch (IOException e) {
            BenchContext.log("the silent node did not come back: %s", e.getMessage());
        }
        return new Result(rate, outcomes, silentFor);
    }

    /**
     * The nodes were made a moment ago, so the conductor has heard none of them, and a node's first heartbeat at a
     * conductor is written at once: the window opens once it has heard each, as in a running system.
     */
    private void warmUp(Map<String, Long> before, Flood flood) throws Exception {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(WARM_UP);
        while (ConductorCounters.total(ConductorCounters.since(before, ConductorCounters.heartbeats(context.api())))
                < nodes && Instant.now().isBefore(deadline)) {
            flood.requireRunning();
            Thread.sleep(200);
        }
        BenchContext.log("conductor heard each of %d nodes once in %.1f s", nodes,
                (System.nanoTime() - start) / 1e9);
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

    /** Seconds from the node's last heartbeat to now if the API shows it SHUTDOWN now, else -1. */
    private double shutdownAfter(UUID node, String tenant, String instance) throws Exception {
        if (!context.api().status(tenant, instance).orElse("").equals("SHUTDOWN")) {
            return -1;
        }
        Instant seen = Instant.now();
        Instant[] last = lastHeartbeat(node);
        double silentFor = Duration.between(last[0], seen).toMillis() / 1000.0;
        BenchContext.log("silent node SHUTDOWN %.1f s after its last heartbeat, which the conductor received %.2f s"
                + " after it was sent", silentFor, Duration.between(last[0], last[1]).toMillis() / 1000.0);
        return silentFor;
    }

    /** When the node sent the last heartbeat the conductor applied, and when the conductor received it. */
    private Instant[] lastHeartbeat(UUID node) throws Exception {
        try (Connection connection = context.database().connect();
             PreparedStatement query = connection.prepareStatement(
                     "select sent_at, updated_at from service_statuses where node_id = ?")) {
            query.setObject(1, node);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Instant[] {rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant()};
            }
        }
    }
}
