package dev.shoal.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of a test's own, from the machine's RabbitMQ installation: its own node name, loopback ports and
 * directory, with the management plugin, so that a fault test may stop and start it while the machine's broker
 * serves on. Messages and users outlive a restart (its directory stays). Runs as the test's user, whose Erlang
 * cookie {@code rabbitmqctl} shares.
 */
public final class RabbitMqNode implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final Duration START = Duration.ofSeconds(90);

    private final String name;
    private final Path dir;
    private final int amqpPort;
    private final int managementPort;
    private final int distributionPort;
    private Process server;

    private RabbitMqNode(String name, Path dir) {
        this.name = name + "@localhost";
        this.dir = dir;
        this.amqpPort = ControlPlane.freePort();
        this.managementPort = ControlPlane.freePort();
        this.distributionPort = ControlPlane.freePort();
    }

    /** Whether this machine has a RabbitMQ installation to start nodes from. */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("rabbitmq-server"));
    }

    public static RabbitMqNode create(String name, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("mnesia"));
        RabbitMqNode node = new RabbitMqNode(name, dir);
        Files.writeString(dir.resolve("rabbitmq.conf"), """
                listeners.tcp.default = 127.0.0.1:%d
                management.tcp.ip = 127.0.0.1
                management.tcp.port = %d
                """.formatted(node.amqpPort, node.managementPort));
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_management].\n");
        return node;
    }

    public synchronized RabbitMqNode start() {
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        builder.environment().putAll(Map.of(
                "RABBITMQ_NODENAME", name,
                "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString(),
                "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                "RABBITMQ_PID_FILE", dir.resolve("pid").toString(),
                "RABBITMQ_DIST_PORT", Integer.toString(distributionPort)));
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start RabbitMQ node " + name + ": " + e.getMessage(), e);
        }
        // the node answers rabbitmqctl only once its runtime is up: until then each attempt fails at once
        Instant deadline = Instant.now().plus(START);
        while (!succeeds("await_startup", "--timeout", "10")) {
            if (Instant.now().isAfter(deadline) || !server.isAlive()) {
                throw new IllegalStateException("RabbitMQ node " + name + " did not start; see " + dir);
            }
            pause();
        }
        return this;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clean stop: the node writes what it holds and exits. */
    public synchronized void stop() {
        if (server != null && server.isAlive()) {
            ctl("stop");
            try {
                server.waitFor(START.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.destroyForcibly();
        }
    }

    /** The AMQP URI of {@code vhost} (made if need be) as the node's administrator, {@code guest}. */
    public String amqpUri(String vhost) {
        ctl("add_vhost", vhost);
        ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        return "amqp://guest:guest@127.0.0.1:" + amqpPort + "/" + vhost;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    private void ctl(String... arguments) {
        if (!succeeds(arguments)) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " failed on " + name
                    + "; see " + dir.resolve("ctl.log"));
        }
    }

    private boolean succeeds(String... arguments) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", name));
        command.addAll(List.of(arguments));
        try {
            Process ctl = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ctl.log").toFile())).start();
            if (!ctl.waitFor(START.toSeconds() + 30, TimeUnit.SECONDS)) {
                ctl.destroyForcibly();
                return false;
            }
            return ctl.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
