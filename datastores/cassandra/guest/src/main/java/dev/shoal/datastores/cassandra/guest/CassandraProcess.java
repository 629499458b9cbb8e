package dev.shoal.datastores.cassandra.guest;

import dev.shoal.guest.spi.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The Cassandra server JVM of a node, found again through its pid file after an agent restart. */
final class CassandraProcess {

    static final String PID_FILE = "cassandra.pid";
    // a clean shutdown flushes memtables and announces the node's departure to gossip: 7-9 s measured
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final Path nodeDir;
    private final ServerProcess server;

    CassandraProcess(Path nodeDir) {
        this.nodeDir = nodeDir;
        this.server = new ServerProcess(nodeDir, PID_FILE, STOP_TIMEOUT);
    }

    void start(List<String> command) throws IOException {
        Files.createDirectories(nodeDir.resolve("logs"));
        server.start(command, nodeDir.resolve("logs/cassandra.out"));
    }

    boolean isAlive() {
        return server.isAlive();
    }

    Optional<ProcessHandle> handle() {
        return server.handle();
    }

    void stop() throws IOException, InterruptedException {
        server.stop();
    }
}
