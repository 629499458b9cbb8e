package dev.shoal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a guest's own broker account may do, whichever broker keeps it: consume its own queue, publish heartbeats to
 * the conductor and answers to a task manager's reply queue; never read another node's queue, reach the task
 * manager's queue, or delete the exchange. Each broker's implementation of the task manager's guest accounts passes
 * it against that broker, with the topology the control plane declares (names as in {@code Routing}).
 */
public abstract class GuestBrokerAccountsContract {

    private static final String EXCHANGE = "shoal";
    /** Where the control plane sends guests their calls: the default exchange, straight to the guest's queue. */
    private static final String CALLS = "";
    private static final String CONDUCTOR = "conductor";
    private static final String TASKMANAGER = "taskmanager";
    private static final Duration CONFIRM = Duration.ofSeconds(10);

    private final String nodeA = UUID.randomUUID().toString();
    private final String nodeB = UUID.randomUUID().toString();
    private final String replyQueue = "taskmanager.replies." + UUID.randomUUID();
    private Connection controlPlane;
    private Channel control;

    /** A user and password the implementation under test accepted for a node. */
    public record Account(String username, String password) {
    }

    /** Creates (or sets again) the node's account through the implementation under test. */
    protected abstract Account ensure(String nodeId) throws Exception;

    /** Deletes the node's account through the implementation under test. */
    protected abstract void delete(String nodeId) throws Exception;

    /** A connection factory for the broker's control-plane virtual host, without credentials. */
    protected abstract ConnectionFactory broker() throws Exception;

    /** A connection as the control plane itself. */
    protected abstract Connection connectAsControlPlane() throws Exception;

    @BeforeEach
    void declareTheControlPlanesTopology() throws Exception {
        controlPlane = connectAsControlPlane();
        control = controlPlane.createChannel();
        control.exchangeDeclare(EXCHANGE, "topic", true);
        for (String queue : new String[] {guestQueue(nodeA), guestQueue(nodeB), CONDUCTOR, TASKMANAGER}) {
            control.queueDeclare(queue, true, false, false, null);
            control.queueBind(queue, EXCHANGE, queue);
            control.queuePurge(queue);
        }
        control.queueDeclare(replyQueue, false, true, true, null);
        control.queueBind(replyQueue, EXCHANGE, replyQueue);
    }

    @AfterEach
    void removeWhatTheTestMade() throws Exception {
        delete(nodeA);
        delete(nodeB);
        control.queueDelete(guestQueue(nodeA));
        control.queueDelete(guestQueue(nodeB));
        controlPlane.close();
    }

    @Test
    void aGuestConsumesItsOwnQueueAndPublishesToTheConductorAndItsCallersReplyQueue() throws Exception {
        Account a = ensure(nodeA);
        ensure(nodeB);
        control.basicPublish(CALLS, guestQueue(nodeA), null, bytes("prepare"));

        try (Connection guest = connect(a); Channel channel = guest.createChannel()) {
            channel.queueDeclarePassive(guestQueue(nodeA));
            GetResponse message = channel.basicGet(guestQueue(nodeA), false);
            assertThat(message).isNotNull();
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("prepare");
            channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, CONDUCTOR, persistent(), bytes("heartbeat"));
            channel.basicPublish(EXCHANGE, replyQueue, null, bytes("reply"));
            channel.waitForConfirmsOrDie(CONFIRM.toMillis());
        }

        assertThat(drain(CONDUCTOR)).isEqualTo("heartbeat");
        assertThat(drain(replyQueue)).isEqualTo("reply");
    }

    @Test
    void aGuestCannotReadAnotherNodesQueue() throws Exception {
        Account a = ensure(nodeA);
        ensure(nodeB);
        control.basicPublish(CALLS, guestQueue(nodeB), null, bytes("for B alone"));

        refused(a, channel -> channel.basicConsume(guestQueue(nodeB), true, (tag, delivery) -> { }, tag -> { }));
        refused(a, channel -> channel.basicGet(guestQueue(nodeB), true));

        assertThat(drain(guestQueue(nodeB))).isEqualTo("for B alone");
    }

    @Test
    void aGuestReceivesNoneOfAnotherNodesCallsWhateverItBinds() throws Exception {
        Account a = ensure(nodeA);
        ensure(nodeB);
        Connection guest = connect(a);
        try {
            Channel channel = guest.createChannel();
            channel.queueBind(guestQueue(nodeA), EXCHANGE, guestQueue(nodeB));
        } catch (IOException | ShutdownSignalException refusedOnThisBroker) {
            // RabbitMQ refuses the binding itself; the call below must miss A's queue either way
        } finally {
            guest.abort();
        }

        control.basicPublish(CALLS, guestQueue(nodeB), null, bytes("call for B"));

        assertThat(drain(guestQueue(nodeB))).isEqualTo("call for B");
        assertThat(control.messageCount(guestQueue(nodeA))).isZero();
    }

    @Test
    protected void aGuestCannotBindItsQueueToAnotherNodesRoutingKey() throws Exception {
        Account a = ensure(nodeA);

        refused(a, channel -> channel.queueBind(guestQueue(nodeA), EXCHANGE, guestQueue(nodeB)));
        refused(a, channel -> channel.queueBind(guestQueue(nodeA), EXCHANGE, TASKMANAGER));
    }

    @Test
    void aGuestCannotReachTheTaskManagersQueueNorAnyQueueThroughTheDefaultExchange() throws Exception {
        Account a = ensure(nodeA);

        refused(a, channel -> publishConfirmed(channel, EXCHANGE, TASKMANAGER));
        refused(a, channel -> publishConfirmed(channel, "", TASKMANAGER));
        refused(a, channel -> publishConfirmed(channel, "", guestQueue(nodeB)));
        refused(a, channel -> publishConfirmed(channel, EXCHANGE, guestQueue(nodeB)));

        assertThat(control.messageCount(TASKMANAGER)).isZero();
        assertThat(control.messageCount(guestQueue(nodeB))).isZero();
    }

    @Test
    void aGuestCannotDeclareNorDeleteTheExchangeOrItsQueue() throws Exception {
        Account a = ensure(nodeA);

        refused(a, channel -> channel.exchangeDelete(EXCHANGE));
        refused(a, channel -> channel.exchangeDeclare(EXCHANGE, "topic", true));
        refused(a, channel -> channel.queueDelete(guestQueue(nodeA)));

        control.exchangeDeclarePassive(EXCHANGE);
        control.queueDeclarePassive(guestQueue(nodeA));
    }

    @Test
    void ensuringAgainKeepsTheAccountWorkingAndAfterDeleteItCannotLogIn() throws Exception {
        ensure(nodeA);
        Account a = ensure(nodeA);
        try (Connection guest = connect(a)) {
            assertThat(guest.isOpen()).isTrue();
        }

        delete(nodeA);
        delete(nodeA);

        assertThatThrownBy(() -> connect(a).close()).isInstanceOf(IOException.class);
    }

    private Connection connect(Account account) throws Exception {
        ConnectionFactory factory = broker();
        factory.setUsername(account.username());
        factory.setPassword(account.password());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        return factory.newConnection("guest-account-contract");
    }

    /** RabbitMQ closes the channel on a refused operation, Qpid the whole connection. */
    private void refused(Account account, ChannelAction action) throws Exception {
        Connection guest = connect(account);
        try {
            Channel channel = guest.createChannel();
            assertThatThrownBy(() -> action.run(channel)).isInstanceOfAny(IOException.class,
                    ShutdownSignalException.class);
        } finally {
            guest.abort();
        }
    }

    private static void publishConfirmed(Channel channel, String exchange, String routingKey) throws Exception {
        channel.confirmSelect();
        channel.basicPublish(exchange, routingKey, persistent(), bytes("forged"));
        channel.waitForConfirmsOrDie(CONFIRM.toMillis());
    }

    private String drain(String queue) throws IOException {
        GetResponse response = control.basicGet(queue, true);
        return response == null ? null : new String(response.getBody(), StandardCharsets.UTF_8);
    }

    private static String guestQueue(String nodeId) {
        return "guestagent." + nodeId;
    }

    private static AMQP.BasicProperties persistent() {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    protected interface ChannelAction {
        void run(Channel channel) throws Exception;
    }
}
