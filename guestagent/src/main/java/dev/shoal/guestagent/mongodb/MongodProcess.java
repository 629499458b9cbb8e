package dev.shoal.guestagent.mongodb;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The mongod child process of a node, found again through its pid file after an agent restart. */
final class MongodProcess {

    static final String BINARY_SETTING = "mongodb.mongod";
    /** A signalled mongod steps down and waits up to 15 s for secondaries before it exits; leave room. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path nodeDir;
    private volatile ProcessHandle handle;

    MongodProcess(Path nodeDir) {
        this.nodeDir = nodeDir;
    }

    /** The configured binary, else {@code mongod} on the PATH. */
    static Path locate(Optional<String> configured, String pathVariable) {
        if (configured.isPresent()) {
            Path binary = Path.of(configured.get());
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(BINARY_SETTING + " names " + binary + ", which is not an executable"
                        + " file");
            }
            return binary;
        }
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, "mongod");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no mongod found: set " + BINARY_SETTING + " in guest.properties to the"
                + " server binary, or put mongod on the PATH");
    }

    void start(Path mongod, Path configFile) throws IOException {
        if (isAlive()) {
            return;
        }
        // early failures (a bad option, a taken port) reach stdout before the log file is opened
        Process process = new ProcessBuilder(mongod.toString(), "--config", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("mongod.out").toFile()))
                .start();
        handle = process.toHandle();
    }

    boolean isAlive() {
        return handle().map(ProcessHandle::isAlive).orElse(false);
    }

    Optional<ProcessHandle> handle() {
        if (handle != null && handle.isAlive()) {
            return Optional.of(handle);
        }
        return adoptFromPidFile();
    }

    void stop() throws InterruptedException {
        Optional<ProcessHandle> running = handle();
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle process = running.get();
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        }
        handle = null;
    }

    /** A server this agent did not start (it restarted) is adopted only if it is really this node's mongod. */
    private Optional<ProcessHandle> adoptFromPidFile() {
        Path pidFile = nodeDir.resolve("mongod.pid");
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
