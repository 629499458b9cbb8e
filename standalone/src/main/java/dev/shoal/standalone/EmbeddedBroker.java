package dev.shoal.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * An in-process AMQP 0-9-1 broker (Apache Qpid Broker-J, in memory) for running Shoal with nothing installed.
 * Guests on this host reach it on 127.0.0.1 at a port chosen once per Shoal home ({@link EmbeddedPorts}). Messages
 * do not survive a restart; set SHOAL_AMQP_URI for a real broker.
 */
final class EmbeddedBroker implements AutoCloseable {

    private final SystemLauncher launcher = new SystemLauncher();
    private final int port;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    static EmbeddedBroker start(Path workDir) throws Exception {
        int port = new EmbeddedPorts(workDir).claim(EmbeddedPorts.BROKER);
        Path qpidWork = Files.createDirectories(workDir.resolve("qpid"));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        // Qpid resolves "classpath:" URLs with a handler the Spring Boot class loader cannot offer: use files
        Path config = qpidWork.resolve("initial-config.json");
        try (var in = EmbeddedBroker.class.getResourceAsStream("/qpid-embedded.json")) {
            Files.copy(in, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path systemProperties = qpidWork.resolve("system.properties");
        Files.writeString(systemProperties, "");
        attributes.put("initialConfigurationLocation", config.toUri().toString());
        attributes.put("initialSystemPropertiesLocation", systemProperties.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of(
                "qpid.amqp_port", port,
                "qpid.work_dir", qpidWork.toString(),
                "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
        EmbeddedBroker broker = new EmbeddedBroker(port);
        broker.launcher.startup(attributes);
        // startup() logs rather than throws on a bad configuration: only an answering port proves it runs.
        broker.awaitPort(Duration.ofSeconds(20));
        return broker;
    }

    String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    private void awaitPort(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("embedded AMQP broker did not open port " + port, e);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
