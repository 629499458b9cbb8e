package dev.shoal.datastores.mongodb.guest;

import dev.shoal.guest.spi.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The mongod child process of a node, found again through its pid file after an agent restart. */
final class MongodProcess {

    static final String BINARY_SETTING = "mongodb.mongod";
    /** A signalled mongod steps down and waits up to 15 s for secondaries before it exits; leave room. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path nodeDir;
    private final ServerProcess server;

    MongodProcess(Path nodeDir) {
        this.nodeDir = nodeDir;
        this.server = new ServerProcess(nodeDir, "mongod.pid", STOP_TIMEOUT);
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
        // early failures (a bad option, a taken port) reach stdout before the log file is opened
        server.start(List.of(mongod.toString(), "--config", configFile.toString()), nodeDir.resolve("mongod.out"));
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
