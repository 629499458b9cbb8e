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
    private static final int PUBLISHERS = 2;
    private static final String FLOOR_QUEUE = "bench.floor";
    private static final Duration RAMP = Duration.ofSeconds(2);

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
        HeartbeatMessages messages = new HeartbeatMessages(model);
        BenchContext.log("heartbeats of %d bytes, persistent, signed per node", model.length);

        double floor = brokerRate(broker, tenant, messages, context.settings().phase(15));
        BenchContext.log("plain consumers: %.0f msg/s", floor);
        ConductorFlood.Result flood = new ConductorFlood(context, broker, tenant, messages, PUBLISHERS)
                .run(longest(context.settings().phase(30), Duration.ofSeconds(20)));

        Map<String, Long> outcomes = flood.outcomes();
        long rejected = outcomes.getOrDefault("rejected", 0L) + outcomes.getOrDefault("error", 0L);
        double ratio = flood.rate() / floor;
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(new Measurement("P2 heartbeats of 10,000 nodes applied by one conductor", flood.rate(),
                "msg/s", String.format("RabbitMQ to %d plain consumers, prefetch %d, ack each",
                        PlainConsumers.CONSUMERS, PlainConsumers.PREFETCH),
                floor, ratio, ">= 0.5, none rejected",
                ratio >= 0.5 && rejected == 0 && outcomes.getOrDefault("applied", 0L) > 0));
        outcomes.forEach((outcome, count) -> measurements.add(
                Measurement.reported("P2 flood heartbeats " + outcome, count, "")));
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

    private static double brokerRate(ConnectionFactory broker, SyntheticTenant tenant, HeartbeatMessages messages,
                                     Duration window) throws Exception {
        try (Connection connection = broker.newConnection("bench-floor");
             Channel channel = connection.createChannel()) {
            channel.queueDeclare(FLOOR_QUEUE, true, false, false, null);
            channel.queueBind(FLOOR_QUEUE, Routing.EXCHANGE, FLOOR_QUEUE);
            try (PlainConsumers consumers = PlainConsumers.start(broker, FLOOR_QUEUE);
                 Flood flood = Flood.start(broker, Routing.EXCHANGE, FLOOR_QUEUE, FLOOR_QUEUE, tenant.nodes(),
                         messages, PUBLISHERS)) {
                Thread.sleep(RAMP.toMillis());
                long before = consumers.consumed();
                long start = System.nanoTime();
                Thread.sleep(window.toMillis());
                flood.requireRunning();
                double rate = (consumers.consumed() - before) / ((System.nanoTime() - start) / 1e9);
                BenchContext.log("floor: queue empty in %.0f%% of readings", flood.emptyShare() * 100);
                return rate;
            } finally {
                channel.queueDelete(FLOOR_QUEUE);
            }
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
