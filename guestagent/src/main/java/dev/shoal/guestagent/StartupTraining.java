package dev.shoal.guestagent;

import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastoreFactory;
import dev.shoal.guestagent.rpc.MessageVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Loads the classes a guest agent's start loads, then exits. Run once with {@code -XX:ArchiveClassesAtExit}, it
 * leaves a class data archive from which later agents of the same jar and JVM start in about half the time; an
 * agent's start is a part of every build that is not the datastore's own.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shoal-guest-training");
        try {
            LoggerFactory.getLogger(StartupTraining.class).debug("training in {}", dir);
            NodeSecret secret = NodeSecret.generate();
            String node = UUID.randomUUID().toString();
            MessageCodec codec = new MessageCodec();
            byte[] body = codec.encode(codec.envelope(MessageTypes.HEARTBEAT, Clock.systemUTC().instant(), null,
                    null, node, Map.of("status", "RUNNING")));
            new MessageVerifier(node, secret, codec, Clock.systemUTC()).verify(body, MessageSigner.sign(secret, body));
            Envelope.newId();
            for (GuestDatastoreFactory factory : ServiceLoader.load(GuestDatastoreFactory.class)) {
                factory.create(new GuestConfig(node, secret, "127.0.0.1", dir.resolve(factory.name()),
                        "amqp://127.0.0.1:1", Duration.ofSeconds(10), Map.of("datastore.manager", factory.name())));
            }
            brokerClient();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The broker client's connection classes, through a connection to a port nothing listens on. */
    private static void brokerClient() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(1);
        factory.setConnectionTimeout(1_000);
        try {
            factory.newConnection("training").close();
        } catch (IOException | TimeoutException refused) {
            // as expected: only the classes were wanted
        }
    }
}
