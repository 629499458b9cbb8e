package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Translates a guest message on the conductor queue into one service call. A body that is not an
 * envelope throws MalformedMessageException and goes to the dead-letter queue without retries.
 */
@Component
class GuestMessageListener {

    static final String METRIC = "shoal.conductor.messages";
    /** A message that could not be read or applied (it is retried, then dead-lettered). */
    static final String ERROR = "error";

    private final HeartbeatService heartbeats;
    private final MessageCodec codec;
    private final MeterRegistry meters;
    private final HeartbeatMeters heartbeatMeters;

    GuestMessageListener(HeartbeatService heartbeats, MessageCodec codec, MeterRegistry meters,
                         HeartbeatMeters heartbeatMeters) {
        this.heartbeats = heartbeats;
        this.codec = codec;
        this.meters = meters;
        this.heartbeatMeters = heartbeatMeters;
    }

    @RabbitListener(queues = Routing.CONDUCTOR_QUEUE, containerFactory = "conductorListenerFactory",
            concurrency = "2-4")
    void onMessage(Message message) {
        byte[] body = message.getBody();
        Object signature = message.getMessageProperties().getHeader(Routing.SIGNATURE_HEADER);
        String type = "other";
        try {
            Envelope envelope = codec.decode(body);
            type = typeTag(envelope.type());
            // only a well-formed id goes into the logs' context: the sender is not verified yet
            GuestMessageVerifier.nodeId(envelope).ifPresent(node -> MDC.put("node", node.toString()));
            GuestMessageOutcome outcome = heartbeats.accept(envelope, body,
                    signature == null ? null : signature.toString());
            if ((outcome == GuestMessageOutcome.APPLIED || outcome == GuestMessageOutcome.COALESCED)
                    && MessageTypes.HEARTBEAT.equals(envelope.type())) {
                heartbeatMeters.applied(envelope.sentAt());
            }
            count(type, outcome.tag());
        } catch (RuntimeException e) {
            count(type, ERROR);
            throw e;
        } finally {
            MDC.remove("node");
        }
    }

    private void count(String type, String outcome) {
        meters.counter(METRIC, "type", type, "outcome", outcome).increment();
    }

    /** Unsigned senders choose the type: keep the tag's values bounded. */
    private static String typeTag(String type) {
        return MessageTypes.HEARTBEAT.equals(type) || MessageTypes.REPORT.equals(type) ? type : "other";
    }
}
