package dev.shoal.taskmanager.guest;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.task.StepFence;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.RabbitMessageFuture;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Guest RPC named after Trove's guest API: casts (no answer) and calls (a signed answer within a timeout),
 * each signed with the node's own secret and addressed to that node alone.
 */
@Component
public class GuestClient {

    private final RabbitAdmin admin;
    private final RabbitTemplate casts;
    private final AsyncRabbitTemplate calls;
    private final MessageCodec codec;
    private final Clock clock;
    private final GuestWireVersions versions = new GuestWireVersions();

    public GuestClient(ConnectionFactory connections, AsyncRabbitTemplate calls, MessageCodec codec, Clock clock) {
        this.admin = new RabbitAdmin(connections);
        this.casts = new RabbitTemplate(connections);
        this.calls = calls;
        this.codec = codec;
        this.clock = clock;
    }

    /** Declared before the guest exists, so a cast sent before it connects waits for it. */
    public void declareQueue(String nodeId) {
        Queue queue = new Queue(Routing.guestQueue(nodeId), true, false, false);
        admin.declareQueue(queue);
        Binding binding = BindingBuilder.bind(queue).to(new TopicExchange(Routing.EXCHANGE)).with(queue.getName());
        admin.declareBinding(binding);
    }

    public void deleteQueue(String nodeId) {
        admin.deleteQueue(Routing.guestQueue(nodeId));
    }

    /**
     * A cast's id is fixed by what it asks of whom for which task, so a step that runs again after a crash, or sends
     * again a cast whose effect it has not seen, never has the guest act twice: the guest drops a repeated id.
     */
    public void cast(Node node, String type, Object payload, String correlationId) {
        String id = UUID.nameUUIDFromBytes(("cast/" + type + "/" + node.getId() + "/" + correlationId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        casts.send(Routing.GUEST_CALL_EXCHANGE, Routing.guestQueue(node.getId().toString()),
                signed(node, codec.envelope(id, type, clock.instant(), correlationId, node.getTenantId(),
                        node.getId().toString(), payload)));
    }

    /** @throws GuestCallException when the guest answers with an error, does not answer, or answers unsigned */
    public Reply call(Node node, String type, Object payload, String correlationId, Duration timeout) {
        Message answer = await(calls.sendAndReceive(Routing.GUEST_CALL_EXCHANGE,
                Routing.guestQueue(node.getId().toString()),
                signed(node, envelope(node, type, payload, correlationId))), node, type, timeout);
        Object signature = answer.getMessageProperties().getHeader(Routing.SIGNATURE_HEADER);
        if (!MessageSigner.verify(secret(node), answer.getBody(), signature == null ? null : signature.toString())) {
            throw new GuestCallException("the answer to " + type + " is not signed by node " + node.getId());
        }
        Envelope envelope = codec.decode(answer.getBody());
        if (!MessageTypes.REPLY.equals(envelope.type()) || !node.getId().toString().equals(envelope.nodeId())) {
            throw new GuestCallException("unexpected answer to " + type + " from node " + envelope.nodeId());
        }
        versions.requireReadable(node.getId(), type, envelope);
        Reply reply = codec.payload(envelope, Reply.class);
        if (!reply.ok()) {
            throw new GuestCallException(type + " failed on node " + node.getId() + ": " + reply.error());
        }
        return reply;
    }

    private static Message await(RabbitMessageFuture answer, Node node, String type, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new GuestCallException(type + " to node " + node.getId() + " got no answer within "
                    + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new GuestCallException(type + " to node " + node.getId() + " could not be sent: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestCallException(type + " to node " + node.getId() + " was interrupted");
        } finally {
            // a late answer then finds nothing waiting, and is dropped
            answer.cancel(false);
        }
    }

    private Envelope envelope(Node node, String type, Object payload, String correlationId) {
        return codec.envelope(type, clock.instant(), correlationId, node.getTenantId(), node.getId().toString(),
                payload);
    }

    private Message signed(Node node, Envelope message) {
        OptionalLong fence = StepFence.epoch();
        Envelope envelope = fence.isPresent() ? message.fenced(fence.getAsLong()) : message;
        byte[] body = codec.encode(envelope);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.id());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret(node), body));
        return new Message(body, properties);
    }

    private static NodeSecret secret(Node node) {
        return node.secret().orElseThrow(() -> new IllegalStateException("node " + node.getId() + " has no secret"));
    }
}
