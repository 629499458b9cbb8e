package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.bench.BenchContext;
import dev.shoal.contracts.Routing;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The conductor's own pace, measured as the floor's is: its queue filled beforehand, then drained. A live flood
 * measures the publishers as much, which on two cores take the CPU the conductor needs, so that its queue runs
 * empty while they catch up; and the broker moving messages from a queue of their own (dead-lettering) takes as much.
 * So the control plane is frozen (SIGSTOP) while its queue fills, for less than the heartbeat expiry, then let go.
 */
final class ConductorDrain {

    /** Shorter than the heartbeat expiry, so no node the flood keeps alive goes stale meanwhile. */
    private static final Duration FROZEN_AT_MOST = Duration.ofSeconds(4);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final long QUEUE_POLL_MILLIS = 10;

    /**
     * @param rate     heartbeats the conductor counted per second from the moment it was let go until it had counted
     *                 all those queued
     * @param queued   how many were queued meanwhile
     */
    record Result(double rate, Map<String, Long> outcomes, long queued) {
    }

    private ConductorDrain() {
    }

    static Result run(BenchContext context, ConnectionFactory broker, List<List<HeartbeatMessages.Message>> shares)
            throws Exception {
        try (Connection connection = broker.newConnection("bench-drain");
             Channel channel = connection.createChannel()) {
            Map<String, Long> before = ConductorCounters.heartbeats(context.api());
            long queued;
            try (Frozen frozen = Frozen.process(context.standalone().pid());
                 Flood flood = Flood.start(broker, Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, Routing.CONDUCTOR_QUEUE,
                         shares, Long.MAX_VALUE)) {
                for (long end = System.nanoTime() + FROZEN_AT_MOST.toNanos(); !flood.exhausted()
                        && System.nanoTime() < end; ) {
                    flood.requireRunning();
                    Thread.sleep(QUEUE_POLL_MILLIS);
                }
                flood.stop();
                flood.requireRunning();
                queued = flood.published();
            }
            long start = System.nanoTime();
            long deadline = start + DRAIN.toNanos();
            // the queue's depth costs the control plane nothing to read, where its counters would cost it CPU
            while (channel.messageCount(Routing.CONDUCTOR_QUEUE) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(QUEUE_POLL_MILLIS);
            }
            Map<String, Long> outcomes = ConductorCounters.since(before, ConductorCounters.heartbeats(context.api()));
            while (ConductorCounters.total(outcomes) < queued && System.nanoTime() < deadline) {
                Thread.sleep(QUEUE_POLL_MILLIS * 5);
                outcomes = ConductorCounters.since(before, ConductorCounters.heartbeats(context.api()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long counted = ConductorCounters.total(outcomes);
            BenchContext.log("conductor: %d heartbeats queued while the control plane was frozen, %d counted %.1f s"
                    + " after it was let go", queued, counted, seconds);
            // a real node heard last before the freeze may have been marked SHUTDOWN meanwhile, until its next heartbeat
            context.api().awaitStatus(context.instances().tenant(), context.instances().first(), "ACTIVE",
                    Duration.ofSeconds(60));
            return new Result(Math.min(counted, queued) / seconds, outcomes, queued);
        }
    }
}
