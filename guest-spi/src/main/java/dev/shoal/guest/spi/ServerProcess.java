package dev.shoal.guest.spi;

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

/**
 * A datastore server the agent runs as its child, found again through a pid file after an agent restart: the
 * datastore keeps serving while its agent is replaced. A process is adopted only if its command line names the
 * node directory, so a recycled pid is never taken for the server.
 */
public final class ServerProcess {

    private final Path nodeDir;
    private final Path pidFile;
    private final Duration stopTimeout;
    private volatile ProcessHandle handle;

    /** @param stopTimeout how long a clean shutdown may take before the server is killed */
    public ServerProcess(Path nodeDir, String pidFileName, Duration stopTimeout) {
        this.nodeDir = nodeDir;
        this.pidFile = nodeDir.resolve(pidFileName);
        this.stopTimeout = stopTimeout;
    }

    /** Starts the server unless it runs; its output (early failures come there first) goes to {@code output}. */
    public void start(List<String> command, Path output) throws IOException {
        if (isAlive()) {
            return;
        }
        Process process = new ProcessBuilder(command).directory(nodeDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        handle = process.toHandle();
        Path partial = pidFile.resolveSibling(pidFile.getFileName() + ".part");
        Files.writeString(partial, Long.toString(process.pid()));
        Files.move(partial, pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public boolean isAlive() {
        return handle().isPresent();
    }

    public Optional<ProcessHandle> handle() {
        ProcessHandle current = handle;
        if (current != null && current.isAlive()) {
            return Optional.of(current);
        }
        return adoptFromPidFile();
    }

    /** SIGTERM for a clean shutdown, SIGKILL once the stop timeout has passed. */
    public void stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> running = handle();
        if (running.isPresent()) {
            ProcessHandle process = running.get();
            process.destroy();
            try {
                process.onExit().get(stopTimeout.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                process.onExit().join();
            }
        }
        handle = null;
        Files.deleteIfExists(pidFile);
    }

    private Optional<ProcessHandle> adoptFromPidFile() {
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
