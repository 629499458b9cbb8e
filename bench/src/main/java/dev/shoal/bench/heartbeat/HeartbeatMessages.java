package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.AMQP;
import dev.shoal.bench.SyntheticTenant;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Heartbeats of synthetic nodes as their guests would send them: the payload of a real guest's heartbeat, in an
 * envelope of the node's own, signed with its secret, with the properties a guest's channel sets.
 */
final class HeartbeatMessages {

    private final MessageCodec codec = new MessageCodec();
    private final JsonNode payload;

    /** @param model the body of a real guest's heartbeat, whose payload every message carries */
    HeartbeatMessages(byte[] model) {
        this.payload = codec.decode(model).payload();
    }

    record Message(AMQP.BasicProperties properties, byte[] body) {
    }

    Message next(SyntheticTenant.Node node) {
        Envelope envelope = codec.envelope(MessageTypes.HEARTBEAT, Instant.now(), null, null,
                node.nodeId().toString(), payload);
        byte[] body = codec.encode(envelope);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(envelope.id())
                .contentType("application/json")
                .deliveryMode(2)
                .headers(Map.of(Routing.SIGNATURE_HEADER, MessageSigner.sign(node.secret(), body)))
                .build();
        return new Message(properties, body);
    }

    /**
     * {@code count} heartbeats made before the flood, so that making them (JSON, HMAC) does not slow the publishers
     * down, in one list per publisher: each publisher takes every n-th node and sends that node's heartbeats in the
     * order they were stamped.
     */
    List<List<Message>> prepare(List<SyntheticTenant.Node> nodes, int count, int publishers)
            throws InterruptedException {
        List<List<Message>> shares = new ArrayList<>();
        List<Thread> makers = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            List<SyntheticTenant.Node> share = share(nodes, p, publishers);
            List<Message> made = new ArrayList<>(count / publishers);
            shares.add(made);
            Thread maker = new Thread(() -> {
                for (int i = 0; i < count / publishers; i++) {
                    made.add(next(share.get(i % share.size())));
                }
            }, "heartbeats-" + p);
            maker.start();
            makers.add(maker);
        }
        for (Thread maker : makers) {
            maker.join();
        }
        return shares;
    }

    private static List<SyntheticTenant.Node> share(List<SyntheticTenant.Node> nodes, int publisher,
                                                    int publishers) {
        return IntStream.range(0, nodes.size()).filter(i -> i % publishers == publisher)
                .mapToObj(nodes::get).toList();
    }
}
