package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Guests outlive the standalone process: the embedded broker keeps its port and what it holds across restarts. */
@Timeout(120)
class EmbeddedBrokerIT {

    private static final String EXCHANGE = "shoal-test";
    private static final String QUEUE = "guestagent.node-1";

    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void keepsItsPortDurableQueueBindingAndPersistentMessagesAcrossARestart() throws Exception {
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.start(home)) {
            port = broker.port();
            declareAndPublish(port, "sent before the restart", "and another");
        }

        try (EmbeddedBroker broker = EmbeddedBroker.start(home)) {
            assertThat(broker.port()).isEqualTo(port);
            assertThat(publishThroughBindingAndDrain(port))
                    .containsExactly("sent before the restart", "and another", "sent after the restart");
        }
    }

    @Test
    void keepsConfirmedMessagesWhenItsJvmIsKilled() throws Exception {
        int port;
        try (EmbeddedServiceProcess child = EmbeddedServiceProcess.start("broker", home, logs)) {
            port = child.awaitReady();
            declareAndPublish(port, "confirmed before the kill", "and another");
            child.kill();
        }

        try (EmbeddedBroker broker = EmbeddedBroker.start(home)) {
            assertThat(broker.port()).isEqualTo(port);
            assertThat(publishThroughBindingAndDrain(port))
                    .containsExactly("confirmed before the kill", "and another", "sent after the restart");
        }
    }

    @Test
    void refusesToStartWhenItsStoreCannotBeOpened() throws Exception {
        Path store = Files.createDirectories(home.resolve("qpid/default/config/default"));
        Files.writeString(store.resolve("notes.txt"), "a directory that is not a Derby database");

        assertThatIllegalStateException().isThrownBy(() -> EmbeddedBroker.start(home).close())
                .withMessageContaining(home.resolve("qpid").toString());
    }

    /** Returns once the broker has confirmed every message, i.e. holds it durably. */
    private static void declareAndPublish(int port, String... messages) throws Exception {
        try (Connection connection = connect(port); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(EXCHANGE, "topic", true);
            channel.queueDeclare(QUEUE, true, false, false, null);
            channel.queueBind(QUEUE, EXCHANGE, QUEUE);
            channel.confirmSelect();
            for (String message : messages) {
                channel.basicPublish(EXCHANGE, QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN,
                        message.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(Duration.ofSeconds(10).toMillis());
        }
    }

    /** A message routed through the exchange arrives last only if the queue's binding survived too. */
    private static List<String> publishThroughBindingAndDrain(int port) throws Exception {
        try (Connection connection = connect(port); Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(QUEUE);
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "sent after the restart".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(Duration.ofSeconds(10).toMillis());
            List<String> received = new ArrayList<>();
            for (GetResponse response = channel.basicGet(QUEUE, true); response != null;
                    response = channel.basicGet(QUEUE, true)) {
                received.add(new String(response.getBody(), StandardCharsets.UTF_8));
            }
            return received;
        }
    }

    private static Connection connect(int port) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("embedded-broker-it");
    }
}
