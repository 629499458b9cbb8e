package dev.shoal.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import dev.shoal.taskmanager.broker.GuestBrokerAccounts;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.store.derby.DerbyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process AMQP 0-9-1 broker (Apache Qpid Broker-J) for running Shoal with nothing installed. Guests on this
 * host reach it on 127.0.0.1 at a port chosen once per Shoal home ({@link EmbeddedPorts}), and its configuration,
 * durable queues, their bindings and persistent messages live in {@code qpid/} there (a JSON broker configuration
 * and a Derby virtual host), so guests find it again, with what it held, after a restart or a crash.
 */
final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** The control plane's own user; guests log in with accounts of their own ({@link #guestAccounts()}). */
    private static final String CONTROL_PLANE_USER = "guest";

    private final int port;
    private volatile EmbeddedBrokerAccounts guestAccounts;
    private final SystemLauncher launcher = new SystemLauncher(new StartupWatch());
    private volatile SystemConfig<?> system;
    private volatile RuntimeException startupFailure;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    static EmbeddedBroker start(Path home) throws Exception {
        long started = System.nanoTime();
        int port = new EmbeddedPorts(home).claim(EmbeddedPorts.BROKER);
        Path qpidWork = Files.createDirectories(home.resolve("qpid"));
        // Read only while config.json does not exist yet; Qpid resolves "classpath:" URLs with a handler the
        // Spring Boot class loader cannot offer, hence a file.
        Path initialConfig = qpidWork.resolve("initial-config.json");
        try (var in = EmbeddedBroker.class.getResourceAsStream("/qpid-embedded.json")) {
            Files.copy(in, initialConfig, StandardCopyOption.REPLACE_EXISTING);
        }
        Path systemProperties = qpidWork.resolve("system.properties");
        Files.writeString(systemProperties, "");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "JSON");
        attributes.put("storePath", qpidWork.resolve("config.json").toString());
        attributes.put("initialConfigurationLocation", initialConfig.toUri().toString());
        attributes.put("initialSystemPropertiesLocation", systemProperties.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of(
                "qpid.amqp_port", port,
                "qpid.work_dir", qpidWork.toString(),
                "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
        // Derby's engine boots when Qpid probes for its driver, before Qpid routes Derby's log to SLF4J: route it
        // first, or Derby writes derby.log into the working directory
        DerbyUtils.configureDerbyLogging();
        EmbeddedBroker broker = new EmbeddedBroker(port);
        broker.launcher.startup(attributes);
        broker.requireActive(qpidWork);
        broker.guestAccounts = EmbeddedBrokerAccounts.enforce(broker.system.getContainer(Broker.class),
                broker.launcher.getSystemPrincipal(), CONTROL_PLANE_USER, qpidWork.resolve("guest-access.acl"));
        broker.awaitPort(Duration.ofSeconds(60));
        log.info("embedded AMQP broker up on 127.0.0.1:{} in {} ms, store in {}", port,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), qpidWork);
        return broker;
    }

    String uri() {
        return "amqp://" + CONTROL_PLANE_USER + ":guest@127.0.0.1:" + port;
    }

    /** Each node's own account, allowed its own queue alone, as the task manager asks. */
    GuestBrokerAccounts guestAccounts() {
        return guestAccounts;
    }

    int port() {
        return port;
    }

    /** startup() logs rather than throws, and a store that cannot be opened leaves only its virtual host down. */
    private void requireActive(Path qpidWork) {
        if (startupFailure != null) {
            throw new IllegalStateException("embedded AMQP broker did not start from " + qpidWork, startupFailure);
        }
        Broker<?> qpid = system.getContainer(Broker.class);
        for (VirtualHostNode<?> node : qpid.getVirtualHostNodes()) {
            var host = node.getVirtualHost();
            if (node.getState() != State.ACTIVE || host == null || host.getState() != State.ACTIVE) {
                launcher.shutdown();
                throw new IllegalStateException("embedded AMQP broker's virtual host " + node.getName() + " is "
                        + (host == null ? node.getState() : host.getState()) + ": see the log above; its store is in "
                        + qpidWork);
            }
        }
    }

    private void awaitPort(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    launcher.shutdown();
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

    private final class StartupWatch extends SystemLauncherListener.DefaultSystemLauncherListener {

        @Override
        public void onContainerResolve(SystemConfig<?> systemConfig) {
            system = systemConfig;
        }

        @Override
        public void errorOnStartup(RuntimeException e) {
            startupFailure = e;
        }
    }
}
