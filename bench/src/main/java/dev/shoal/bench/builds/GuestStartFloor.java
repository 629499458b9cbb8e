package dev.shoal.bench.builds;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A guest agent's start measured directly: the agent jar launched as the local compute driver launches it (same JVM,
 * same flags, from a class data archive of its own training run), for a node of its own on the run's broker, until it
 * says it serves its queue. It is a node of nobody's:
 * its heartbeats are refused by the conductor, and it is killed and its queue deleted before this returns.
 */
final class GuestStartFloor {

    /** As the local compute driver's guest launcher starts every guest. */
    static final List<String> JVM_FLAGS = List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String MAIN = "dev.shoal.guestagent.GuestAgent";
    private static final String TRAINING = "dev.shoal.guestagent.StartupTraining";
    private static final String SERVING = "serving on";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private GuestStartFloor() {
    }

    static Duration measure(Path guestJar, Path dir, String amqpUri, String address) throws Exception {
        String node = UUID.randomUUID().toString();
        Path nodeDir = dir.resolve(node);
        Files.createDirectories(nodeDir);
        Properties config = new Properties();
        config.setProperty("node.id", node);
        config.setProperty("node.secret", UUID.randomUUID().toString().replace("-", ""));
        config.setProperty("node.address", address);
        config.setProperty("node.dir", nodeDir.toString());
        config.setProperty("amqp.uri", amqpUri);
        config.setProperty("datastore.manager", "mysql");
        Path properties = nodeDir.resolve("guest.properties");
        try (var writer = Files.newBufferedWriter(properties)) {
            config.store(writer, "a guest agent started only to time its start");
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        try (Connection connection = factory.newConnection("bench-guest-start");
             Channel channel = connection.createChannel()) {
            // the task manager declares a node's queue before its guest starts
            channel.queueDeclare("guestagent." + node, true, false, false, null);
            try {
                return timeStart(guestJar, nodeDir, properties);
            } finally {
                channel.queueDelete("guestagent." + node);
            }
        }
    }

    private static Duration timeStart(Path guestJar, Path nodeDir, Path properties) throws Exception {
        Path archive = nodeDir.resolve("agent.jsa");
        launch(guestJar, List.of("-XX:ArchiveClassesAtExit=" + archive), List.of(TRAINING),
                nodeDir.resolve("training.log")).waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        if (!Files.isRegularFile(archive)) {
            throw new IOException("the guest agent's training made no archive: "
                    + Files.readString(nodeDir.resolve("training.log")));
        }
        Path log = nodeDir.resolve("guest.log");
        long start = System.nanoTime();
        Process guest = launch(guestJar, List.of("-XX:SharedArchiveFile=" + archive), List.of(MAIN, properties.toString()),
                log);
        try {
            while (!Files.readString(log).contains(SERVING)) {
                if (!guest.isAlive()) {
                    throw new IOException("the guest agent exited (" + guest.exitValue() + "): " + Files.readString(log));
                }
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(BOUND) > 0) {
                    throw new IOException("the guest agent did not serve within " + BOUND.toSeconds() + " s");
                }
                Thread.sleep(5);
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            guest.destroyForcibly();
            guest.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process launch(Path guestJar, List<String> archiveFlags, List<String> mainAndArguments,
                                  Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(archiveFlags);
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", guestJar.toString()));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
