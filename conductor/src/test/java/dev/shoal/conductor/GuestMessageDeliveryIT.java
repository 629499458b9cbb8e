package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.ServiceStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/** Messages that cannot be read or applied: retried a bounded number of times, then dead-lettered. */
class GuestMessageDeliveryIT extends GuestTraffic {

    private static final String DLQ = Routing.deadLetterQueue(Routing.CONDUCTOR_QUEUE);

    private final List<Message> deadLetters = new ArrayList<>();

    @Test
    void unreadableMessageGoesToTheDeadLetterQueueAtOnce() {
        String marker = "not json " + UUID.randomUUID();
        rabbit.send(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE,
                new Message(marker.getBytes(StandardCharsets.UTF_8), new MessageProperties()));

        Message dead = deadLetter(m -> new String(m.getBody(), StandardCharsets.UTF_8).equals(marker));

        assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains("not a Shoal envelope");
    }

    @Test
    void aTransientDatabaseFailureIsRetriedAndThenApplied() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        String outage = simulateOutage(node, 2);

        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(15)).until(() -> status(node).isPresent());
        assertThat(failedAttempts(outage)).isEqualTo(3);
    }

    @Test
    void aMessageThatKeepsFailingIsDeadLetteredAfterTheBoundedAttempts() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        String outage = simulateOutage(node, Integer.MAX_VALUE);
        Envelope envelope = heartbeat(node, ServiceStatus.RUNNING, Instant.now());

        send(envelope, secret);

        deadLetter(m -> envelope.id().equals(m.getMessageProperties().getMessageId()));
        assertThat(failedAttempts(outage)).isEqualTo(3);
        assertThat(status(node)).isEmpty();
        assertThat(count("select count(*) from processed_messages where message_id = ?", envelope.id())).isZero();
    }

    private Message deadLetter(Predicate<Message> wanted) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Message next = rabbit.receive(DLQ, 200);
            if (next != null) {
                deadLetters.add(next);
            }
            return deadLetters.stream().anyMatch(wanted);
        });
        return deadLetters.stream().filter(wanted).findFirst().orElseThrow();
    }

    /**
     * Makes the database refuse this node's next {@code failures} order checks, as an outage would,
     * counting attempts in a sequence because a sequence survives the rollback of the failed transaction.
     */
    private String simulateOutage(UUID node, int failures) {
        String name = "outage_" + node.toString().replace("-", "");
        jdbc.sql("create sequence " + name).update();
        jdbc.sql("create function " + name + "() returns trigger language plpgsql as $$ begin "
                + "if new.node_id = '" + node + "' and nextval('" + name + "') <= " + failures + " then "
                + "raise exception 'simulated database outage'; end if; return new; end $$").update();
        jdbc.sql("create trigger " + name + " before insert on conductor_lastseen for each row execute function "
                + name + "()").update();
        return name;
    }

    private long failedAttempts(String outage) {
        return count("select last_value from " + outage);
    }
}
