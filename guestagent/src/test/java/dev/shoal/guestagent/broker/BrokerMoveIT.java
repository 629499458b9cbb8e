package dev.shoal.guestagent.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastores;
import dev.shoal.guestagent.heartbeat.HeartbeatSender;
import dev.shoal.guestagent.rpc.GuestChannel;
import dev.shoal.testsupport.TestBroker;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that moves while a guest runs: the guest reaches the real broker through a forwarder that stands
 * for the old address, the forwarder dies, the node's broker.properties is rewritten to name another
 * forwarder, and the guest must come back through that one alone.
 */
class BrokerMoveIT {

    private static final String VHOST = "shoal-guestagent-broker-test";
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path nodeDir;

    private final String nodeId = UUID.randomUUID().toString();
    private final NodeSecret secret = NodeSecret.generate();
    private final MessageCodec codec = new MessageCodec();
    private final List<Envelope> toConductor = new CopyOnWriteArrayList<>();
    private final List<String> consumed = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private BrokerAddress broker;
    private Connection controlPlane;
    private Channel channel;
    private TcpForwarder oldAddress;
    private TcpForwarder newAddress;
    private GuestChannel guest;
    private Process agent;

    @BeforeEach
    void playTheConductor() throws Exception {
        String uri = TestBroker.fresh(VHOST, Routing.CONDUCTOR_QUEUE, Routing.guestQueue(nodeId));
        broker = BrokerAddress.parse(uri);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        controlPlane = factory.newConnection("broker-move-it");
        channel = controlPlane.createChannel();
        channel.exchangeDeclare(Routing.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(Routing.CONDUCTOR_QUEUE, true, false, false, null);
        channel.queueBind(Routing.CONDUCTOR_QUEUE, Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE);
        // as the task manager does before a guest starts
        channel.queueDeclare(Routing.guestQueue(nodeId), true, false, false, null);
        channel.queueBind(Routing.guestQueue(nodeId), Routing.EXCHANGE, Routing.guestQueue(nodeId));
        channel.basicConsume(Routing.CONDUCTOR_QUEUE, true,
                (tag, delivery) -> toConductor.add(codec.decode(delivery.getBody())), tag -> { });
        oldAddress = new TcpForwarder(new InetSocketAddress(broker.host(), broker.port()));
        newAddress = new TcpForwarder(new InetSocketAddress(broker.host(), broker.port()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        scheduler.shutdownNow();
        if (agent != null) {
            agent.destroyForcibly();
            agent.onExit().get();
        }
        if (guest != null) {
            guest.close();
        }
        oldAddress.close();
        newAddress.close();
        channel.queueDelete(Routing.guestQueue(nodeId));
        controlPlane.close();
    }

    @Test
    void aRunningGuestFollowsTheBrokerFileToTheNewAddressAndServesThroughIt() throws Exception {
        pointAt(oldAddress);
        // an hour between beats: any beat after the move is the one sent because the connection came back
        GuestConfig config = config(Duration.ofHours(1));
        guest = new GuestChannel(BrokerAddressFile.of(config), nodeId, secret, codec);
        guest.consume((tag, delivery) -> {
            consumed.add(delivery.getProperties().getMessageId());
            guest.ack(delivery.getEnvelope().getDeliveryTag());
        });
        new HeartbeatSender(config, GuestDatastores.forConfig(config), guest, codec, Clock.systemUTC())
                .start(scheduler);
        await("first heartbeat").atMost(BOUND).until(() -> !heartbeatsFromNode().isEmpty());
        assertThat(oldAddress.accepted()).isEqualTo(1);

        oldAddress.close();
        Instant moved = Instant.now();
        pointAt(newAddress);

        await("a heartbeat through the new address").atMost(BOUND)
                .until(() -> heartbeatsFromNode().stream().anyMatch(e -> e.sentAt().isAfter(moved)));
        assertThat(newAddress.accepted()).isEqualTo(1);
        String messageId = UUID.randomUUID().toString();
        channel.basicPublish(Routing.EXCHANGE, Routing.guestQueue(nodeId),
                new AMQP.BasicProperties.Builder().messageId(messageId).build(),
                "{}".getBytes(StandardCharsets.UTF_8));
        await("the message sent to the node's queue").atMost(BOUND).until(() -> consumed.contains(messageId));
    }

    @Test
    void aGuestStartedWhileItsBrokerIsAwayConnectsWhereTheFileNamesOnALaterTry() throws Exception {
        int deadPort = oldAddress.port();
        oldAddress.close();
        pointAt(oldAddress);
        Path properties = nodeDir.resolve("guest.properties");
        Files.writeString(properties, String.join("\n",
                "node.id=" + nodeId,
                "node.secret=" + secret.value(),
                "node.address=127.0.1.250",
                "node.dir=" + nodeDir,
                // a guest that read only this file would never connect
                "amqp.uri=" + uriThrough(deadPort),
                "heartbeat.interval=PT1S",
                "datastore.manager=mysql", ""));
        agent = startAgent(properties);
        Path log = nodeDir.resolve("guest.log");
        await("a failed first try").atMost(BOUND)
                .until(() -> Files.exists(log) && Files.readString(log).contains("not reachable"));

        pointAt(newAddress);

        await("a heartbeat through the address the file names").atMost(BOUND)
                .until(() -> !heartbeatsFromNode().isEmpty());
        assertThat(newAddress.accepted()).isEqualTo(1);
    }

    private List<Envelope> heartbeatsFromNode() {
        return toConductor.stream()
                .filter(e -> nodeId.equals(e.nodeId()) && MessageTypes.HEARTBEAT.equals(e.type()))
                .toList();
    }

    /** As the control plane writes it: the whole file at once. */
    private void pointAt(TcpForwarder forwarder) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(BrokerAddressFile.URI_KEY, uriThrough(forwarder.port()));
        Path partial = Files.createTempFile(nodeDir, "broker", ".part");
        try (Writer writer = Files.newBufferedWriter(partial)) {
            properties.store(writer, null);
        }
        Files.move(partial, nodeDir.resolve(BrokerAddressFile.FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private String uriThrough(int port) {
        return "amqp://" + broker.username() + ":" + broker.password() + "@127.0.0.1:" + port + "/"
                + broker.virtualHost();
    }

    private GuestConfig config(Duration heartbeatInterval) {
        return new GuestConfig(nodeId, secret, "127.0.1.250", nodeDir, uriThrough(oldAddress.port()),
                heartbeatInterval, Map.of("datastore.manager", "mysql"));
    }

    private Process startAgent(Path properties) throws IOException {
        String jar = System.getProperty("shoal.guestagent.jar");
        assertThat(Path.of(jar)).as("the shaded agent jar").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", jar,
                "dev.shoal.guestagent.GuestAgent", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(nodeDir.resolve("guest.log").toFile())
                .start();
    }
}
