package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Translates a guest message on the conductor queue into one service call. A body that is not an
 * envelope throws MalformedMessageException and goes to the dead-letter queue without retries.
 */
@Component
class GuestMessageListener {

    static final String METRIC = "shoal.conductor.guest.messages";

    private final HeartbeatService heartbeats;
    private final MessageCodec codec;
    private final MeterRegistry meters;

    GuestMessageListener(HeartbeatService heartbeats, MessageCodec codec, MeterRegistry meters) {
        this.heartbeats = heartbeats;
        this.codec = codec;
        this.meters = meters;
    }

    @RabbitListener(queues = Routing.CONDUCTOR_QUEUE, containerFactory = "conductorListenerFactory",
            concurrency = "2-4")
    void onMessage(Message message) {
        byte[] body = message.getBody();
        Object signature = message.getMessageProperties().getHeader(Routing.SIGNATURE_HEADER);
        Envelope envelope = codec.decode(body);
        GuestMessageOutcome outcome = heartbeats.accept(envelope, body,
                signature == null ? null : signature.toString());
        meters.counter(METRIC, "type", typeTag(envelope.type()), "outcome", outcome.tag()).increment();
    }

    /** Unsigned senders choose the type: keep the tag's values bounded. */
    private static String typeTag(String type) {
        return MessageTypes.HEARTBEAT.equals(type) || MessageTypes.REPORT.equals(type) ? type : "other";
    }
}
