package dev.shoal.standalone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An embedded service in a JVM of its own, so a test can kill it (-9) as a crash or the OOM killer would, with
 * whatever the service started still running.
 */
final class EmbeddedServiceProcess implements AutoCloseable {

    static final String NOTE = "written before the kill";

    private final Process process;
    private final Path ready;

    private EmbeddedServiceProcess(Process process, Path ready) {
        this.process = process;
        this.ready = ready;
    }

    /** Starts {@code service} ("broker" or "database") in {@code home}; its output goes to a file in {@code logs}. */
    static EmbeddedServiceProcess start(String service, Path home, Path logs) throws IOException {
        Path ready = logs.resolve(service + ".ready");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EmbeddedServiceProcess.class.getName(),
                service, home.toString(), ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + ".log").toFile())
                .start();
        return new EmbeddedServiceProcess(process, ready);
    }

    /** @return the port the service listens on, once it is up */
    int awaitReady() throws IOException {
        await(process + " ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(ready) || !process.isAlive());
        if (!Files.exists(ready)) {
            throw new IllegalStateException(process + " exited with " + process.exitValue());
        }
        return Integer.parseInt(Files.readString(ready).strip());
    }

    /** SIGKILL: no shutdown hook runs, nothing is closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(process + " survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        int port;
        if ("broker".equals(args[0])) {
            port = EmbeddedBroker.start(home).port();
        } else {
            port = holdAWrittenRow(EmbeddedDatabase.start(home));
        }
        // written whole and moved into place, so the test never reads half a port
        Path next = Files.writeString(Path.of(args[2] + ".next"), Integer.toString(port));
        Files.move(next, Path.of(args[2]));
        // runs until killed, or until the test JVM is gone and with it the other end of stdin
        while (System.in.read() != -1) {
            // nothing is sent
        }
        System.exit(0);
    }

    /** Commits a row and keeps its connection open, as the standalone service's pool would when killed. */
    private static int holdAWrittenRow(EmbeddedDatabase database) throws Exception {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
        try (var statement = connection.createStatement()) {
            statement.execute("create table crash_note (note text)");
            statement.execute("insert into crash_note values ('" + NOTE + "')");
        }
        return database.port();
    }
}
