package dev.shoal.taskmanager.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.guest.FilesystemStats;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.domain.node.Node;
import dev.shoal.testsupport.TestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Guest calls answered by a stand-in guest that speaks the wire version each test chooses. */
@ExtendWith(OutputCaptureExtension.class)
class GuestClientIT {

    private static final String VHOST = "shoal-taskmanager-guestclient-test";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MessageCodec codec = new MessageCodec();
    private final NodeSecret secret = NodeSecret.generate();
    private final Node node = placedNode(secret);
    private CachingConnectionFactory connections;
    private AsyncRabbitTemplate calls;
    private GuestClient client;
    private Connection guestConnection;
    private volatile int guestWireVersion;
    /** Guests answer through the shoal exchange; those older than reply queues through the default exchange. */
    private volatile String answerExchange = Routing.EXCHANGE;
    private volatile boolean silent;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startAGuest() throws Exception {
        String uri = TestBroker.fresh(VHOST);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        guestConnection = factory.newConnection("guest-stand-in");
        Channel channel = guestConnection.createChannel();
        channel.exchangeDeclare(Routing.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        connections = new CachingConnectionFactory(URI.create(uri));
        Queue replies = GuestCallReplies.replyQueue();
        RabbitAdmin admin = new RabbitAdmin(connections);
        admin.declareQueue(replies);
        admin.declareBinding(BindingBuilder.bind(replies).to(new TopicExchange(Routing.EXCHANGE))
                .with(replies.getName()));
        calls = GuestCallReplies.calls(connections, replies);
        calls.start();
        // no step runs here: every call is answered while the caller waits, and nothing is kept
        client = new GuestClient(connections, calls, new GuestAnswers(null, codec), codec, Clock.systemUTC(),
                new GuestCallMeters(meters));
        client.declareQueue(node.getId().toString());
        channel.basicConsume(Routing.guestQueue(node.getId().toString()), true,
                (tag, delivery) -> answer(channel, delivery), tag -> { });
    }

    @AfterEach
    void stop() throws IOException {
        client.deleteQueue(node.getId().toString());
        calls.stop();
        guestConnection.close();
        connections.destroy();
    }

    @Test
    void anAnswerOfThePreviousWireVersionIsReadAndItsOldGuestToldOfOnce(CapturedOutput output) {
        guestWireVersion = Envelope.PREVIOUS_VERSION;
        answerExchange = "";

        Reply first = client.call(node, MessageTypes.GET_FILESYSTEM_STATS, Map.of(), "c-1", TIMEOUT);
        Reply second = client.call(node, MessageTypes.GET_FILESYSTEM_STATS, Map.of(), "c-2", TIMEOUT);

        assertThat(first.ok()).isTrue();
        assertThat(codec.mapper().treeToValue(second.result(), FilesystemStats.class).usedBytes()).isEqualTo(7L);
        assertThat(Pattern.compile(Pattern.quote("node " + node.getId() + " runs an old guest (wire version 1)"))
                .matcher(output.getOut()).results().count()).isEqualTo(1);
    }

    @Test
    void anAnswerOfTheCurrentWireVersionTellsOfNoOldGuest(CapturedOutput output) {
        guestWireVersion = Envelope.CURRENT_VERSION;

        assertThat(client.call(node, MessageTypes.GET_FILESYSTEM_STATS, Map.of(), "c-1", TIMEOUT).ok()).isTrue();
        assertThat(output.getOut()).doesNotContain("runs an old guest");
        assertThat(calls("ok")).isEqualTo(1);
    }

    @Test
    void aCallWithoutAnswerIsTimedAndCountedAsTimedOut() {
        silent = true;

        assertThatThrownBy(() -> client.call(node, MessageTypes.GET_FILESYSTEM_STATS, Map.of(), "c-1",
                Duration.ofMillis(300))).isInstanceOf(GuestCallException.class).hasMessageContaining("no answer");
        assertThat(calls("timeout")).isEqualTo(1);
        assertThat(meters.get(GuestCallMeters.TIMEOUTS).tag("type", MessageTypes.GET_FILESYSTEM_STATS).counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(GuestCallMeters.CALLS).timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(300);
    }

    @Test
    void anAnswerOfAWireVersionLaterThanTheTaskManagerKnowsFailsTheCall() {
        guestWireVersion = Envelope.CURRENT_VERSION + 1;

        assertThatThrownBy(() -> client.call(node, MessageTypes.GET_FILESYSTEM_STATS, Map.of(), "c-1", TIMEOUT))
                .isInstanceOf(GuestCallException.class)
                .hasMessageContaining("wire version 3");
        assertThat(calls("error")).isEqualTo(1);
    }

    private long calls(String outcome) {
        return meters.get(GuestCallMeters.CALLS).tag("type", MessageTypes.GET_FILESYSTEM_STATS)
                .tag("outcome", outcome).timer().count();
    }

    /** Answers as a guest of {@link #guestWireVersion} would: signed, on the caller's reply queue. */
    private void answer(Channel channel, Delivery call) throws IOException {
        if (silent) {
            return;
        }
        Envelope request = codec.decode(call.getBody());
        Reply reply = Reply.success(codec.mapper().valueToTree(new FilesystemStats(7L, 100L)));
        Envelope current = codec.envelope(MessageTypes.REPLY, Instant.now(), request.correlationId(),
                request.tenantId(), request.nodeId(), reply);
        byte[] body = codec.encode(new Envelope(current.id(), current.type(), guestWireVersion, current.sentAt(),
                current.correlationId(), current.tenantId(), current.nodeId(), current.payload()));
        channel.basicPublish(answerExchange, call.getProperties().getReplyTo(), new AMQP.BasicProperties.Builder()
                .correlationId(call.getProperties().getCorrelationId())
                .headers(Map.of(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret, body)))
                .build(), body);
    }

    private static Node placedNode(NodeSecret secret) {
        Instant now = Instant.now();
        Node node = Node.forInstance(UUID.randomUUID(), "t", "db", UUID.randomUUID(), "1", 1, null, now);
        node.placed(node.getId().toString(), "127.0.4.7", null, secret, now);
        return node;
    }
}
