package dev.shoal.guestagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.Report;
import dev.shoal.contracts.guest.EnableRoot;
import dev.shoal.contracts.guest.FilesystemStats;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.testsupport.TestBroker;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent as the local compute driver runs it: a child JVM from the shaded jar, a real broker
 * and the machine's real MariaDB server. The test plays task manager and conductor.
 */
class GuestAgentIT {

    private static final String ADDRESS = "127.0.1.251";
    private static final String VHOST = "shoal-guestagent-test";

    @TempDir
    Path nodeDir;

    private final String nodeId = UUID.randomUUID().toString();
    private final NodeSecret secret = NodeSecret.generate();
    private final MessageCodec codec = new MessageCodec();
    private final List<Delivery> toConductor = new CopyOnWriteArrayList<>();
    private final List<Delivery> replies = new CopyOnWriteArrayList<>();
    private Connection connection;
    private Channel channel;
    private String replyQueue;
    private Process agent;

    @BeforeEach
    void connectAsControlPlane() throws Exception {
        assertThat(portFree(ADDRESS, 3306)).as("port 3306 free on " + ADDRESS).isTrue();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(TestBroker.fresh(VHOST, Routing.CONDUCTOR_QUEUE, Routing.guestQueue(nodeId)));
        connection = factory.newConnection("guestagent-it");
        channel = connection.createChannel();
        channel.exchangeDeclare(Routing.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(Routing.CONDUCTOR_QUEUE, true, false, false, null);
        channel.queueBind(Routing.CONDUCTOR_QUEUE, Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE);
        channel.queuePurge(Routing.CONDUCTOR_QUEUE);
        // as the task manager does, so a cast sent before the agent is up waits for it
        channel.queueDeclare(Routing.guestQueue(nodeId), true, false, false, null);
        channel.queueBind(Routing.guestQueue(nodeId), Routing.EXCHANGE, Routing.guestQueue(nodeId));
        channel.basicConsume(Routing.CONDUCTOR_QUEUE, true, (tag, delivery) -> toConductor.add(delivery), tag -> { });
        replyQueue = channel.queueDeclare().getQueue();
        channel.basicConsume(replyQueue, true, (tag, delivery) -> replies.add(delivery), tag -> { });
    }

    @AfterEach
    void stopEverythingOfTheNode() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.onExit().get();
        }
        // as the compute driver does: whatever runs with the node directory on its command line is the node's
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(nodeDir.toString())).orElse(false))
                .toList();
        leftovers.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : leftovers) {
            process.onExit().get();
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void preparesOnASignedCastIgnoresForgeriesAndAnswersCalls() throws Exception {
        agent = startAgent();
        await("first heartbeat").atMost(Duration.ofSeconds(20))
                .until(() -> heartbeats().stream().anyMatch(h -> h.serviceStatus() == ServiceStatus.NEW));

        send(MessageTypes.PREPARE, prepare("forged-password"), NodeSecret.generate(), null);
        int beatsBefore = heartbeats().size();
        await("heartbeats after the forgery").atMost(Duration.ofSeconds(20))
                .until(() -> heartbeats().size() >= beatsBefore + 3);
        assertThat(heartbeats()).allMatch(h -> h.serviceStatus() == ServiceStatus.NEW);
        assertThat(reports()).isEmpty();
        // the data directory may be there, bootstrapped as the agent started; nothing the forgery asked is
        assertThat(nodeDir.resolve("my.cnf")).doesNotExist();
        assertThat(nodeDir.resolve("prepared")).doesNotExist();

        Instant sent = Instant.now();
        send(MessageTypes.PREPARE, prepare("first-password"), secret, null);
        await("RUNNING heartbeat").atMost(Duration.ofSeconds(60))
                .until(() -> heartbeats().stream().anyMatch(h -> h.serviceStatus() == ServiceStatus.RUNNING));
        System.out.printf("prepare cast to RUNNING heartbeat: %d ms%n",
                Duration.between(sent, Instant.now()).toMillis());
        assertThat(reports()).singleElement().isEqualTo(new Report(MessageTypes.PREPARE, true, null));
        Heartbeat running = heartbeats().stream().filter(h -> h.serviceStatus() == ServiceStatus.RUNNING)
                .findFirst().orElseThrow();
        assertThat(running.volumeTotalBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(running.volumeUsedBytes()).isPositive();
        DriverManager.getConnection(jdbcUrl(), "root", "first-password").close();

        String callId = send(MessageTypes.ENABLE_ROOT,
                new EnableRoot(SecretBox.seal(secret, "second-password")), secret, replyQueue);
        await("reply").atMost(Duration.ofSeconds(20)).until(() -> !replies.isEmpty());
        Delivery delivery = replies.get(0);
        assertThat(delivery.getProperties().getCorrelationId()).isEqualTo(callId);
        Envelope reply = verified(delivery);
        assertThat(reply.type()).isEqualTo(MessageTypes.REPLY);
        assertThat(codec.payload(reply, Reply.class).ok()).isTrue();
        DriverManager.getConnection(jdbcUrl(), "root", "second-password").close();
    }

    @Test
    void aCrashedServerIsStartedAgainAndOneThatKeepsCrashingStaysDownWithTheLastLinesOfItsLog() throws Exception {
        agent = startAgent("supervision.first-backoff=PT0.2S", "supervision.interval=PT0.2S");
        send(MessageTypes.PREPARE, prepare("pw"), secret, null);
        await("RUNNING heartbeat").atMost(Duration.ofSeconds(60))
                .until(() -> heartbeats().stream().anyMatch(h -> h.serviceStatus() == ServiceStatus.RUNNING));
        ProcessHandle first = mariadbd();

        Instant killed = Instant.now();
        first.destroyForcibly();
        await("CRASHED told before the next interval").atMost(Duration.ofMillis(900))
                .until(() -> heartbeats().stream().anyMatch(h -> h.serviceStatus() == ServiceStatus.CRASHED));
        await("RUNNING again, one restart told").atMost(Duration.ofSeconds(60)).until(() -> last().serviceStatus()
                == ServiceStatus.RUNNING && Integer.valueOf(1).equals(last().restarts()));
        System.out.printf("mariadbd killed to RUNNING again: %d ms%n",
                Duration.between(killed, Instant.now()).toMillis());
        assertThat(last().lastCrash()).isBetween(killed.minusSeconds(1), Instant.now());
        assertThat(mariadbd().pid()).as("a new server").isNotEqualTo(first.pid());
        DriverManager.getConnection(jdbcUrl(), "root", "pw").close();

        // a server that cannot start any more: each try is a crash, and the fifth within ten minutes is the last
        Files.writeString(nodeDir.resolve("my.cnf"), "\n[mysqld]\nno_such_option=1\n",
                java.nio.file.StandardOpenOption.APPEND);
        mariadbd().destroyForcibly();
        await("FAILED").atMost(Duration.ofSeconds(60)).until(() -> last().serviceStatus() == ServiceStatus.FAILED);
        assertThat(last().statusDescription()).contains("crashed 5 times within 10 minutes", "no_such_option");
        assertThat(last().restarts()).as("the first crash's restart, then three that failed").isEqualTo(4);
        Thread.sleep(1_000);
        assertThat(last().serviceStatus()).as("it stays down").isEqualTo(ServiceStatus.FAILED);
    }

    private ProcessHandle mariadbd() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(nodeDir.toString()) && c.contains("mariadbd")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no mariadbd of the node runs"));
    }

    private Heartbeat last() {
        List<Heartbeat> beats = heartbeats();
        return beats.get(beats.size() - 1);
    }

    @Test
    void keepsBeatingAndAnsweringAfterTheBrokerDropsItsConnection() throws Exception {
        agent = startAgent();
        await("first heartbeat").atMost(Duration.ofSeconds(20)).until(() -> !heartbeats().isEmpty());
        assertThat(heartbeats().get(0).agentVersion()).as("the agent's build version, from its jar's manifest")
                .isNotBlank().isNotEqualTo("dev");

        Instant dropped = Instant.now();
        rabbitmqctl("close_connection", agentConnection(), "test outage");

        await("a heartbeat after the outage").atMost(Duration.ofSeconds(30))
                .until(() -> envelopes(MessageTypes.HEARTBEAT).stream().anyMatch(e -> e.sentAt().isAfter(dropped)));
        String callId = send(MessageTypes.GET_FILESYSTEM_STATS, Map.of(), secret, replyQueue);
        await("reply after the outage").atMost(Duration.ofSeconds(30)).until(() -> !replies.isEmpty());
        assertThat(replies.get(0).getProperties().getCorrelationId()).isEqualTo(callId);
        Reply reply = codec.payload(verified(replies.get(0)), Reply.class);
        assertThat(reply.ok()).isTrue();
        assertThat(codec.mapper().treeToValue(reply.result(), FilesystemStats.class).usedBytes()).isPositive();
    }

    @Test
    void reportsAFailedPrepareToTheConductor() throws Exception {
        agent = startAgent("mysql.mariadbd=" + nodeDir.resolve("no-such-mariadbd"));
        send(MessageTypes.PREPARE, prepare("pw"), secret, null);

        await("failure report").atMost(Duration.ofSeconds(20)).until(() -> !reports().isEmpty());
        Report report = reports().get(0);
        assertThat(report.method()).isEqualTo(MessageTypes.PREPARE);
        assertThat(report.ok()).isFalse();
        assertThat(report.message()).contains("mysql.mariadbd", "no-such-mariadbd");
        await("FAILED heartbeat").atMost(Duration.ofSeconds(20))
                .until(() -> heartbeats().stream().anyMatch(h -> h.serviceStatus() == ServiceStatus.FAILED
                        && h.statusDescription().contains("no-such-mariadbd")));
    }

    /** The broker's id of the agent's connection, which the agent names after its node. */
    private String agentConnection() throws Exception {
        return rabbitmqctl("list_connections", "-q", "pid", "client_properties").lines()
                .filter(line -> line.contains("guestagent-" + nodeId))
                .map(line -> line.split("\t")[0])
                .findFirst().orElseThrow(() -> new AssertionError("agent connection not listed"));
    }

    private static String rabbitmqctl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    private Process startAgent(String... extraProperties) throws Exception {
        Path properties = nodeDir.resolve("guest.properties");
        Files.writeString(properties, String.join("\n",
                "node.id=" + nodeId,
                "node.secret=" + secret.value(),
                "node.address=" + ADDRESS,
                "node.dir=" + nodeDir,
                "amqp.uri=" + TestBroker.fresh(VHOST),
                "heartbeat.interval=PT1S",
                "datastore.manager=mysql", String.join("\n", extraProperties), ""));
        String jar = System.getProperty("shoal.guestagent.jar");
        assertThat(Path.of(jar)).as("the shaded agent jar").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", jar,
                "dev.shoal.guestagent.GuestAgent", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(nodeDir.resolve("guest.log").toFile())
                .start();
    }

    /** @return the envelope id, which a call's reply carries as its correlation id */
    private String send(String type, Object payload, NodeSecret signingSecret, String replyTo) throws Exception {
        Envelope envelope = codec.envelope(type, Instant.now(), null, "tenant-1", nodeId, payload);
        byte[] body = codec.encode(envelope);
        AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
                .messageId(envelope.id())
                .contentType("application/json")
                .deliveryMode(2)
                .headers(Map.of(Routing.SIGNATURE_HEADER, MessageSigner.sign(signingSecret, body)));
        if (replyTo != null) {
            properties.replyTo(replyTo).correlationId(envelope.id());
        }
        channel.basicPublish(Routing.EXCHANGE, Routing.guestQueue(nodeId), properties.build(), body);
        return envelope.id();
    }

    private Prepare prepare(String rootPassword) {
        return new Prepare("mysql", "10.11", 512, 1, SecretBox.seal(secret, rootPassword));
    }

    private List<Heartbeat> heartbeats() {
        return ofType(MessageTypes.HEARTBEAT, Heartbeat.class);
    }

    private List<Report> reports() {
        return ofType(MessageTypes.REPORT, Report.class);
    }

    private <T> List<T> ofType(String type, Class<T> payload) {
        return envelopes(type).stream().map(envelope -> codec.payload(envelope, payload)).toList();
    }

    /** This node's messages of a type; another test's agent may still have had a beat in flight. */
    private List<Envelope> envelopes(String type) {
        return toConductor.stream()
                .filter(delivery -> nodeId.equals(codec.decode(delivery.getBody()).nodeId()))
                .map(this::verified)
                .filter(envelope -> envelope.type().equals(type))
                .toList();
    }

    /** Everything the guest sends must verify with the node secret and name the node. */
    private Envelope verified(Delivery delivery) {
        Object signature = Optional.ofNullable(delivery.getProperties().getHeaders())
                .map(headers -> headers.get(Routing.SIGNATURE_HEADER)).orElse(null);
        assertThat(MessageSigner.verify(secret, delivery.getBody(), signature == null ? null : signature.toString()))
                .as("signature of a guest message").isTrue();
        Envelope envelope = codec.decode(delivery.getBody());
        assertThat(envelope.nodeId()).isEqualTo(nodeId);
        return envelope;
    }

    private static String jdbcUrl() {
        return "jdbc:mariadb://" + ADDRESS + ":3306/?connectTimeout=3000";
    }

    private static boolean portFree(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            return false;
        } catch (java.io.IOException refused) {
            return true;
        }
    }
}
