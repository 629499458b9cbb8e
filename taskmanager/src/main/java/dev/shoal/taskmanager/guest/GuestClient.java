package dev.shoal.taskmanager.guest;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.task.AwaitingAnswer;
import dev.shoal.taskmanager.task.RunningStep;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;
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
    private final GuestAnswers answers;
    /** The step calls this task manager sent that are still unanswered: a call's timeout runs from its sending. */
    private final Map<UUID, Asked> asked = new ConcurrentHashMap<>();
    private final MessageCodec codec;
    private final Clock clock;
    private final GuestWireVersions versions = new GuestWireVersions();
    private final GuestCallMeters meters;

    public GuestClient(ConnectionFactory connections, AsyncRabbitTemplate calls, GuestAnswers answers,
                       MessageCodec codec, Clock clock, GuestCallMeters meters) {
        this.admin = new RabbitAdmin(connections);
        this.casts = new RabbitTemplate(connections);
        this.calls = calls;
        this.answers = answers;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
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
        send(node, castEnvelope(node, type, payload, correlationId));
    }

    /**
     * A cast outside any task, carrying a fencing epoch drawn where the decision to send it was made: a guest that has
     * since obeyed a task's newer epoch refuses it.
     */
    public void castFenced(Node node, String type, Object payload, String correlationId, long fence) {
        send(node, castEnvelope(node, type, payload, correlationId).fenced(fence));
    }

    private Envelope castEnvelope(Node node, String type, Object payload, String correlationId) {
        String id = UUID.nameUUIDFromBytes(("cast/" + type + "/" + node.getId() + "/" + correlationId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return codec.envelope(id, type, clock.instant(), correlationId, node.getTenantId(), node.getId().toString(),
                payload);
    }

    private void send(Node node, Envelope cast) {
        casts.send(Routing.GUEST_CALL_EXCHANGE, Routing.guestQueue(node.getId().toString()), signed(node, cast));
    }

    /**
     * Within a task's step the call is asked once and the step waits for its answer without holding anything (see
     * {@link AwaitingAnswer}); elsewhere (a failure being recorded, a sweep) the caller waits for it.
     *
     * @throws GuestCallException when the guest answers with an error, does not answer, or answers unsigned
     * @throws AwaitingAnswer      within a step, until the answer is in
     */
    public Reply call(Node node, String type, Object payload, String correlationId, Duration timeout) {
        String outer = MDC.get("node");
        MDC.put("node", node.getId().toString());
        try {
            Optional<RunningStep> step = RunningStep.current();
            return step.isPresent() ? ask(step.get(), node, type, payload, correlationId, timeout)
                    : callAndWait(node, type, payload, correlationId, timeout);
        } finally {
            if (outer == null) {
                MDC.remove("node");
            } else {
                MDC.put("node", outer);
            }
        }
    }

    /**
     * The call of this place in the step's round: its kept answer, else it is sent (once per task manager; the guest
     * drops a repeated id, so another task manager asking again does no harm) and the step waits for the answer.
     */
    private Reply ask(RunningStep step, Node node, String type, Object payload, String correlationId,
                      Duration timeout) {
        UUID call = step.nextCallId(node.getId(), type);
        Optional<Reply> answer = answers.of(call);
        if (answer.isPresent()) {
            Asked first = asked.remove(call);
            if (first != null) {
                // sent by this task manager: the time from sending to reading the answer
                meters.answered(type, answer.get().ok(), Duration.between(first.sent(), clock.instant()));
            }
            return checked(node, type, answer.get());
        }
        Instant now = clock.instant();
        if (asked.size() > 10_000) {
            // calls of tasks that ended without asking again
            asked.values().removeIf(first -> first.sent().isBefore(now.minus(Duration.ofHours(6))));
        }
        Asked sent = asked.putIfAbsent(call, new Asked(step.taskId(), now));
        if (sent == null) {
            Message message = signed(node, codec.envelope(call.toString(), type, now, correlationId,
                    node.getTenantId(), node.getId().toString(), payload));
            message.getMessageProperties().setReplyTo(Routing.STEP_REPLY_QUEUE);
            message.getMessageProperties().setCorrelationId(call.toString());
            casts.send(Routing.GUEST_CALL_EXCHANGE, Routing.guestQueue(node.getId().toString()), message);
        } else if (now.isAfter(sent.sent().plus(timeout))) {
            asked.remove(call);
            meters.timedOut(type, Duration.between(sent.sent(), now));
            throw new GuestCallException(type + " to node " + node.getId() + " got no answer within "
                    + timeout.toSeconds() + " s");
        }
        throw new AwaitingAnswer(type + " to node " + node.getId());
    }

    private Reply callAndWait(Node node, String type, Object payload, String correlationId, Duration timeout) {
        Instant start = clock.instant();
        Reply reply;
        try {
            reply = answerOf(node, type, calls.sendAndReceive(Routing.GUEST_CALL_EXCHANGE,
                    Routing.guestQueue(node.getId().toString()),
                    signed(node, envelope(node, type, payload, correlationId))), timeout);
        } catch (CallTimedOut e) {
            meters.timedOut(type, Duration.between(start, clock.instant()));
            throw e;
        } catch (RuntimeException e) {
            meters.failed(type, Duration.between(start, clock.instant()));
            throw e;
        }
        meters.answered(type, reply.ok(), Duration.between(start, clock.instant()));
        return checked(node, type, reply);
    }

    private Reply answerOf(Node node, String type, RabbitMessageFuture future, Duration timeout) {
        Message answer = await(future, node, type, timeout);
        Object signature = answer.getMessageProperties().getHeader(Routing.SIGNATURE_HEADER);
        if (!MessageSigner.verify(secret(node), answer.getBody(), signature == null ? null : signature.toString())) {
            throw new GuestCallException("the answer to " + type + " is not signed by node " + node.getId());
        }
        Envelope envelope = codec.decode(answer.getBody());
        if (!MessageTypes.REPLY.equals(envelope.type()) || !node.getId().toString().equals(envelope.nodeId())) {
            throw new GuestCallException("unexpected answer to " + type + " from node " + envelope.nodeId());
        }
        versions.requireReadable(node.getId(), type, envelope);
        return codec.payload(envelope, Reply.class);
    }

    /** What a signed answer from the node says, read as a stored answer of a step's call is. */
    Reply verifiedAnswer(Node node, byte[] body, String signature) {
        if (!MessageSigner.verify(secret(node), body, signature)) {
            throw new GuestCallException("an answer is not signed by node " + node.getId());
        }
        Envelope envelope = codec.decode(body);
        if (!MessageTypes.REPLY.equals(envelope.type()) || !node.getId().toString().equals(envelope.nodeId())) {
            throw new GuestCallException("unexpected answer from node " + envelope.nodeId());
        }
        versions.requireReadable(node.getId(), envelope.type(), envelope);
        return codec.payload(envelope, Reply.class);
    }

    /** The task whose step this task manager sent the call for, while the answer is awaited. */
    Optional<UUID> taskAwaiting(UUID call) {
        return Optional.ofNullable(asked.get(call)).map(Asked::task);
    }

    private static Reply checked(Node node, String type, Reply reply) {
        if (!reply.ok()) {
            throw new GuestCallException(type + " failed on node " + node.getId() + ": " + reply.error());
        }
        return reply;
    }

    private static Message await(RabbitMessageFuture answer, Node node, String type, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CallTimedOut(type + " to node " + node.getId() + " got no answer within "
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
        Envelope envelope = RunningStep.current().map(step -> message.fenced(step.epoch())).orElse(message);
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

    private record Asked(UUID task, Instant sent) {
    }

    private static final class CallTimedOut extends GuestCallException {
        CallTimedOut(String message) {
            super(message);
        }
    }
}
