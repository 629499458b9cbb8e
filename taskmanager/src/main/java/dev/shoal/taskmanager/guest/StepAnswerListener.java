package dev.shoal.taskmanager.guest;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.taskmanager.task.TaskWakeups;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the guests' answers to the calls of tasks' steps, after checking each is signed by the node it names, and
 * wakes the waiting step at once if this task manager sent the call. An answer that is not one is dropped, never retried.
 */
@Component
class StepAnswerListener {

    private static final Logger log = LoggerFactory.getLogger(StepAnswerListener.class);

    private final GuestAnswers answers;
    private final GuestClient guests;
    private final NodeRepository nodes;
    private final TaskWakeups wakeups;
    private final MessageCodec codec;
    private final Clock clock;

    StepAnswerListener(GuestAnswers answers, GuestClient guests, NodeRepository nodes, TaskWakeups wakeups,
                       MessageCodec codec, Clock clock) {
        this.answers = answers;
        this.guests = guests;
        this.nodes = nodes;
        this.wakeups = wakeups;
        this.codec = codec;
        this.clock = clock;
    }

    @RabbitListener(queues = Routing.STEP_REPLY_QUEUE)
    void onAnswer(Message message) {
        Optional<Answer> answer = read(message);
        if (answer.isEmpty()) {
            return;
        }
        answers.keep(answer.get().call(), answer.get().taskId(), answer.get().node(), answer.get().reply(),
                clock.instant());
        // the step waits in this task manager if it sent the call; elsewhere it finds the answer at its next run
        guests.taskAwaiting(answer.get().call()).ifPresent(wakeups::wake);
    }

    private Optional<Answer> read(Message message) {
        Optional<UUID> call = uuid(message.getMessageProperties().getCorrelationId());
        try {
            Envelope envelope = codec.decode(message.getBody());
            Optional<Node> node = uuid(envelope.nodeId()).flatMap(nodes::findById);
            if (call.isEmpty() || node.isEmpty()) {
                log.warn("dropped an answer to no known call or from no known node ({})", envelope.nodeId());
                return Optional.empty();
            }
            Object signature = message.getMessageProperties().getHeader(Routing.SIGNATURE_HEADER);
            Reply reply = guests.verifiedAnswer(node.get(), message.getBody(),
                    signature == null ? null : signature.toString());
            return Optional.of(new Answer(call.get(), envelope.correlationId(), node.get().getId(), reply));
        } catch (GuestCallException | dev.shoal.contracts.MalformedMessageException e) {
            log.warn("dropped an answer: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Answer(UUID call, String taskId, UUID node, Reply reply) {
    }
}
