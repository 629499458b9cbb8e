package dev.shoal.bench.plane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone jar as a child process on its own port, state under its own home. Its guests run in sessions of
 * their own and outlive it by design, so {@link #killLeftovers} ends whatever still names the home.
 */
public final class Standalone implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path home;
    private final int port;

    private Standalone(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    /**
     * @param properties system properties of the service (intervals, quotas, addresses)
     * @param env        its environment: database, broker, secrets key, operator token
     */
    public static Standalone start(Path jar, Path home, int port, Map<String, String> properties,
                                   Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no standalone jar at " + jar + ": build it (./mvnw -q -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("standalone.log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("SHOAL_HOME", home.toString());
        builder.environment().put("SHOAL_PORT", Integer.toString(port));
        return new Standalone(builder.start(), home, port);
    }

    /** Until the api's readiness probe answers 200; fails at once if the process ends. */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            if (!process.isAlive()) {
                throw new IOException("the standalone exited (" + process.exitValue() + "); see " + log());
            }
            try {
                HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build();
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException("the standalone was not ready within " + timeout.toSeconds() + " s; see " + log());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return home.resolve("standalone.log");
    }

    public Path nodesDir() {
        return home.resolve("nodes");
    }

    /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Every process that names the home on its command line: guests and their datastores. */
    public static int killLeftovers(Path home) {
        String marker = home.toAbsolutePath() + "/";
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : left) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stuck) {
                // nothing more can be done from here
            }
        }
        return left.size();
    }
}
