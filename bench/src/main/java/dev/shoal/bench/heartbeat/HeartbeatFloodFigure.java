package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.bench.BenchContext;
import dev.shoal.bench.Figure;
import dev.shoal.bench.Measurement;
import dev.shoal.bench.SyntheticTenant;
import dev.shoal.contracts.Routing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * P2: signed heartbeats of 10,000 nodes flooding one conductor through RabbitMQ, against what the broker delivers
 * to plain consumers of the same messages with the conductor's prefetch and acknowledgements; meanwhile a real node
 * falls silent and must show SHUTDOWN within two heartbeat intervals of its last heartbeat.
 */
public final class HeartbeatFloodFigure implements Figure {

    private static final int NODES = 10_000;
    private static final int PUBLISHERS = 4;
    private static final String FLOOR_QUEUE = "bench.floor";
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** More than the conductor applies in its window, fewer than the bench's heap holds (~800 bytes each). */
    private static final int MESSAGES = 150_000;
    private static final int MIN_MESSAGES = 30_000;

    @Override
    public String name() {
        return "P2";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        SyntheticTenant tenant = context.syntheticTenant(NODES);
        ConnectionFactory broker = new ConnectionFactory();
        broker.setUri(context.vhost().amqpUri());
        byte[] model = RealHeartbeat.capture(broker, BenchContext.HEARTBEAT_INTERVAL.multipliedBy(3));
        int made = (int) Math.max(MIN_MESSAGES, Math.round(MESSAGES * Math.min(1, context.settings().scale())));
        long making = System.nanoTime();
        List<List<HeartbeatMessages.Message>> shares = new HeartbeatMessages(model)
                .prepare(tenant.nodes(), made, PUBLISHERS);
        BenchContext.log("%d heartbeats of %d bytes made in %.1f s, persistent, signed per node", made,
                model.length, (System.nanoTime() - making) / 1e9);

        double floor = brokerRate(broker, shares, context.settings().phase(10));
        BenchContext.log("plain consumers: %.0f msg/s", floor);
        ConductorFlood.Result flood = new ConductorFlood(context, broker, shares, Math.min(NODES, made))
                .run(longest(context.settings().phase(30), Duration.ofSeconds(20)));
        shares = null;
        // stamped after every heartbeat of the live flood, so that none is older than what the conductor applied
        ConductorDrain.Result drain = ConductorDrain.run(context, broker, new HeartbeatMessages(model)
                .prepare(tenant.nodes(), made, PUBLISHERS));

        Map<String, Long> outcomes = flood.outcomes();
        long rejected = outcomes.getOrDefault("rejected", 0L) + outcomes.getOrDefault("error", 0L)
                + drain.outcomes().getOrDefault("rejected", 0L) + drain.outcomes().getOrDefault("error", 0L);
        double ratio = drain.rate() / floor;
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(new Measurement("P2 heartbeats of 10,000 nodes drained by one conductor from a full queue",
                drain.rate(), "msg/s", String.format("RabbitMQ to %d plain consumers, prefetch %d, ack by %d",
                        PlainConsumers.CONSUMERS, PlainConsumers.PREFETCH, PlainConsumers.ACK_BATCH),
                floor, ratio, ">= 0.5, none rejected",
                ratio >= 0.5 && rejected == 0 && outcomes.getOrDefault("applied", 0L) > 0));
        measurements.add(Measurement.reported("P2 the same during the live flood (publishers on the same cores)",
                flood.rate(), "msg/s"));
        outcomes.forEach((outcome, count) -> measurements.add(
                Measurement.reported("P2 flood heartbeats " + outcome, count, "")));
        drain.outcomes().forEach((outcome, count) -> measurements.add(
                Measurement.reported("P2 drained heartbeats " + outcome, count, "")));
        double limit = BenchContext.HEARTBEAT_INTERVAL.multipliedBy(2).toMillis() / 1000.0;
        if (flood.silentForSeconds() >= 0) {
            measurements.add(Measurement.withGoal("P2 a real node silent during the flood: SHUTDOWN after its last"
                    + " heartbeat", flood.silentForSeconds(), "s", String.format("<= %.0f s (2 intervals)", limit),
                    flood.silentForSeconds() <= limit));
        } else {
            measurements.add(Measurement.failed("P2 a real node silent during the flood", "never shown SHUTDOWN"));
        }
        return measurements;
    }

    /**
     * The queue filled first, then drained by the plain consumers: their pace alone, whatever the publishers'. Filled
     * for at most {@code fill}, with as many heartbeats as were made.
     */
    private static double brokerRate(ConnectionFactory broker, List<List<HeartbeatMessages.Message>> shares,
                                     Duration fill) throws Exception {
        try (Connection connection = broker.newConnection("bench-floor");
             Channel channel = connection.createChannel()) {
            channel.queueDeclare(FLOOR_QUEUE, true, false, false, null);
            channel.queueBind(FLOOR_QUEUE, Routing.EXCHANGE, FLOOR_QUEUE);
            try {
                try (Flood flood = Flood.start(broker, Routing.EXCHANGE, FLOOR_QUEUE, FLOOR_QUEUE, shares,
                        Long.MAX_VALUE)) {
                    long deadline = System.nanoTime() + fill.toNanos();
                    while (!flood.exhausted() && System.nanoTime() < deadline) {
                        flood.requireRunning();
                        Thread.sleep(100);
                    }
                }
                long queued = channel.messageCount(FLOOR_QUEUE);
                long start = System.nanoTime();
                try (PlainConsumers consumers = PlainConsumers.start(broker, FLOOR_QUEUE)) {
                    long deadline = start + DRAIN.toNanos();
                    while (consumers.consumed() < queued && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    double rate = consumers.consumed() / ((System.nanoTime() - start) / 1e9);
                    BenchContext.log("floor: %d queued heartbeats, %d consumed in %.1f s", queued,
                            consumers.consumed(), (System.nanoTime() - start) / 1e9);
                    return rate;
                }
            } finally {
                channel.queueDelete(FLOOR_QUEUE);
            }
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
