package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.Routing;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Translates a guest message on the conductor queue into one service call. */
@Component
class GuestMessageListener {

    private final HeartbeatService heartbeats;
    private final MessageCodec codec;

    GuestMessageListener(HeartbeatService heartbeats, MessageCodec codec) {
        this.heartbeats = heartbeats;
        this.codec = codec;
    }

    @RabbitListener(queues = Routing.CONDUCTOR_QUEUE, containerFactory = "conductorListenerFactory",
            concurrency = "2-4")
    void onMessage(Message message) {
        Object signature = message.getMessageProperties().getHeader(Routing.SIGNATURE_HEADER);
        heartbeats.accept(codec.decode(message.getBody()), message.getBody(),
                signature == null ? null : signature.toString());
    }
}
