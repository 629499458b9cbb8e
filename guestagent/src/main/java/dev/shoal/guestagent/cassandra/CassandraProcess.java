package dev.shoal.guestagent.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Cassandra server JVM of a node, found again through its pid file after an agent restart. */
final class CassandraProcess {

    static final String PID_FILE = "cassandra.pid";
    // a clean shutdown flushes memtables and announces the node's departure to gossip: 7-9 s measured
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final Path nodeDir;
    private volatile ProcessHandle handle;

    CassandraProcess(Path nodeDir) {
        this.nodeDir = nodeDir;
    }

    void start(List<String> command) throws IOException {
        if (isAlive()) {
            return;
        }
        Files.createDirectories(nodeDir.resolve("logs"));
        Process process = new ProcessBuilder(command)
                .directory(nodeDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("logs/cassandra.out").toFile()))
                .start();
        handle = process.toHandle();
        Path partial = nodeDir.resolve(PID_FILE + ".part");
        Files.writeString(partial, Long.toString(process.pid()));
        Files.move(partial, nodeDir.resolve(PID_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    boolean isAlive() {
        return handle().isPresent();
    }

    Optional<ProcessHandle> handle() {
        ProcessHandle current = handle;
        if (current != null && current.isAlive()) {
            return Optional.of(current);
        }
        return adoptFromPidFile();
    }

    void stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> running = handle();
        if (running.isPresent()) {
            ProcessHandle process = running.get();
            process.destroy();
            try {
                process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                process.onExit().join();
            }
        }
        handle = null;
        Files.deleteIfExists(nodeDir.resolve(PID_FILE));
    }

    /** A server this agent did not start (it restarted) is adopted only if it is really this node's server. */
    private Optional<ProcessHandle> adoptFromPidFile() {
        Path pidFile = nodeDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> adopted = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(nodeDir.toString())).orElse(false));
            adopted.ifPresent(p -> handle = p);
            return adopted;
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
