package dev.shoal.datastores.mysql.guest;

import dev.shoal.guest.spi.ServerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The mariadbd child process of a node, found again through its pid file after an agent restart. */
final class MysqldProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path nodeDir;
    private final ServerProcess server;

    MysqldProcess(Path nodeDir) {
        this.nodeDir = nodeDir;
        this.server = new ServerProcess(nodeDir, "mysqld.pid", STOP_TIMEOUT);
    }

    void start(Path mariadbd, Path configFile) throws IOException {
        server.start(List.of(mariadbd.toString(), "--defaults-file=" + configFile), nodeDir.resolve("mysqld.out"));
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
        return server.isAlive();
    }

    Optional<ProcessHandle> handle() {
        return server.handle();
    }

    void stop() throws IOException, InterruptedException {
        server.stop();
    }

    /** A new data directory, made by the distribution's own bootstrap, as the agent's own user. */
    static void installDatabase(MariadbBinaries binaries, Path dataDir, Path tmpDir, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Files.createDirectories(tmpDir);
        // a temporary directory of its own: bootstraps sharing /tmp collide on their temporary tables
        List<String> command = new ArrayList<>(List.of(binaries.installDb().toString(), "--no-defaults",
                "--user=" + System.getProperty("user.name"), "--datadir=" + dataDir, "--tmpdir=" + tmpDir,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        binaries.basedir().ifPresent(dir -> command.add("--basedir=" + dir));
        try {
            run(command, log);
        } catch (IOException | InterruptedException e) {
            // a half-made data directory would pass for a made one at the next prepare
            deleteTree(dataDir);
            throw e;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
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
