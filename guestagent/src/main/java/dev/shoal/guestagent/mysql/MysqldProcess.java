package dev.shoal.guestagent.mysql;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The mariadbd child process of a node, found again through its pid file after an agent restart. */
final class MysqldProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path nodeDir;
    private volatile ProcessHandle handle;

    MysqldProcess(Path nodeDir) {
        this.nodeDir = nodeDir;
    }

    void start(Path mariadbd, Path configFile) throws IOException {
        if (isAlive()) {
            return;
        }
        Process process = new ProcessBuilder(mariadbd.toString(), "--defaults-file=" + configFile)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("mysqld.out").toFile()))
                .start();
        handle = process.toHandle();
    }

    void awaitAccepting(String address, int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException notYet) {
                if (!isAlive()) {
                    throw new IOException("mariadbd exited during start; see " + nodeDir.resolve("mysqld.err"));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("mariadbd did not accept connections on " + address + ":" + port
                            + " within " + START_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        }
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

    void stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> running = handle();
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle process = running.get();
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        }
        handle = null;
    }

    /** A server this agent did not start (it restarted) is adopted only if it is really this node's mariadbd. */
    private Optional<ProcessHandle> adoptFromPidFile() {
        Path pidFile = nodeDir.resolve("mysqld.pid");
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

    /** Runs a helper command to completion, its output kept in {@code log}. */
    static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 120 s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed with exit code " + process.exitValue() + "; see " + log);
        }
    }
}
