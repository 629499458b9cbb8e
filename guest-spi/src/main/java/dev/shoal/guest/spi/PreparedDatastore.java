package dev.shoal.guest.spi;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.PrepareTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every datastore manager does the same way: prepare once (a {@code prepared} marker in the node directory
 * says it is done, so a prepare sent again changes nothing), start the prepared server again after an agent
 * restart or adopt the one still running, and keep the status with its reason. Managers fill in how their server
 * is installed, started and stopped.
 */
public abstract class PreparedDatastore implements DatastoreManager {

    private static final Logger log = LoggerFactory.getLogger(PreparedDatastore.class);
    private static final long GIB = 1024L * 1024 * 1024;

    protected final GuestConfig config;
    private final String server;
    protected volatile ServiceStatus status = ServiceStatus.NEW;
    protected volatile String description;
    /** What {@link #install} timed of the datastore's own work. */
    protected final PreparePhases phases = new PreparePhases();

    /** @param server how the server is named in statuses and logs ({@code MariaDB}, {@code Cassandra}) */
    protected PreparedDatastore(GuestConfig config, String server) {
        this.config = config;
        this.server = server;
    }

    /** Refuses a request this datastore cannot prepare, before anything is written. */
    protected void validate(Prepare request) {
    }

    /** Whether {@link #install} loads a prepare's restore point; a datastore that cannot refuses one. */
    protected boolean restoresBackups() {
        return false;
    }

    /** Writes the server's configuration, starts it and waits until it serves (with the backup in, if one). */
    protected abstract void install(Prepare request) throws Exception;

    /** What every prepare of this datastore begins with, whatever it asks (see {@link #prepareAhead}). */
    protected void bootstrap() throws Exception {
    }

        /** Starts the server prepare installed and waits until it serves. */
    protected abstract void startPrepared() throws Exception;

    /** How the server came to run when the agent resumes it. */
    public enum Start {
        /** Started again because the control plane asked for a restart. */
        ASKED,
        /** Started again unasked: after a crash, or when the agent found it stopped (its host came back). */
        UNASKED,
        /** Found running, as the agent itself was started again. */
        ADOPTED
    }

    /** What must hold again once the server runs after a restart (a replica's read-only mode). */
    protected void afterStart(Start how) throws Exception {
    }

    protected abstract Optional<ProcessHandle> serverProcess();

    /** Where the server writes why it stopped. */
    protected abstract Path serverLog();

    /** Why the running server does not serve (it is {@code BLOCKED}), or empty when it answers. */
    protected abstract Optional<String> unanswered();

    protected abstract void stopServer() throws Exception;

    @Override
    public final synchronized void prepare(Prepare request) throws Exception {
        if (!name().equals(request.datastore())) {
            throw new IllegalArgumentException("this guest runs datastore manager " + name() + ", not "
                    + request.datastore());
        }
        if (request.restorePoint() != null && !restoresBackups()) {
            throw new UnsupportedOperationException(name() + " cannot be restored from a backup");
        }
        validate(request);
        Files.createDirectories(config.nodeDir());
        Files.writeString(file("volume-size-gb"), Integer.toString(request.volumeSizeGb()));
        if (isPrepared() && serverProcess().isPresent() && status == ServiceStatus.RUNNING) {
            return;
        }
        status = ServiceStatus.BUILD;
        description = "preparing " + server;
        // phases timed ahead of this prepare (its bootstrap) stay: they are part of what it cost
        long start = System.nanoTime();
        try {
            install(request);
            Files.writeString(file("prepared"), "ok\n");
            phases.record("prepare", Duration.ofNanos(System.nanoTime() - start));
            running();
        } catch (Exception e) {
            status = ServiceStatus.FAILED;
            description = "prepare failed: " + e.getMessage();
            throw e;
        }
    }

    @Override
    public final synchronized void prepareAhead() throws Exception {
        if (!isPrepared()) {
            bootstrap();
        }
    }

    @Override
    public List<PrepareTimes.Phase> preparePhases() {
        return phases.recorded();
    }

    @Override
    public final synchronized void resume() throws Exception {
        resume(Start.UNASKED);
    }

    private void resume(Start startedAs) throws Exception {
        if (!isPrepared()) {
            return;
        }
        status = ServiceStatus.BUILD;
        description = "starting the prepared " + server + " again";
        try {
            Optional<ProcessHandle> running = serverProcess();
            if (running.isPresent()) {
                log.info("adopted running {} {} of node {}", server, running.get().pid(), config.nodeId());
            } else {
                startPrepared();
            }
            afterStart(running.isPresent() ? Start.ADOPTED : startedAs);
            running();
        } catch (Exception e) {
            status = ServiceStatus.CRASHED;
            description = server + " did not start again: " + e.getMessage();
            throw e;
        }
    }

    /** The status prepare or resume left, checked against the server itself while it should be running. */
    @Override
    public ServiceStatus status() {
        if (status != ServiceStatus.RUNNING) {
            return status;
        }
        if (serverProcess().isEmpty()) {
            description = server + " exited unexpectedly; see " + serverLog();
            return ServiceStatus.CRASHED;
        }
        Optional<String> silent = unanswered();
        if (silent.isPresent()) {
            description = server + " " + silent.get();
            return ServiceStatus.BLOCKED;
        }
        return ServiceStatus.RUNNING;
    }

    @Override
    public synchronized void stop() throws Exception {
        stopServer();
        status = ServiceStatus.SHUTDOWN;
        description = "stopped on request";
    }

    @Override
    public synchronized void restart() throws Exception {
        // stopped on purpose: whoever reads the status meanwhile sees no crash
        status = ServiceStatus.BUILD;
        description = "restarting " + server;
        stopServer();
        resume(Start.ASKED);
    }

    @Override
    public synchronized void giveUp(String reason) {
        status = ServiceStatus.FAILED;
        description = reason;
    }

    /** The server's own log, under the name of {@link #serverLogName()}. */
    @Override
    public List<DatastoreLog> logs() {
        return List.of(DatastoreLog.system(serverLogName(), serverLog()));
    }

    /** What tenants call the server's own log: its errors and what it says of starting and stopping. */
    protected String serverLogName() {
        return "error";
    }

    @Override
    public List<String> serverLogTail(int lines) {
        try (Stream<String> all = Files.lines(serverLog(), StandardCharsets.UTF_8)) {
            ArrayDeque<String> last = new ArrayDeque<>(lines);
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
            return List.copyOf(last);
        } catch (IOException | UncheckedIOException unreadable) {
            return List.of();
        }
    }

    @Override
    public String statusDescription() {
        return description;
    }

    @Override
    public Long volumeTotalBytes() {
        try {
            return Long.parseLong(Files.readString(file("volume-size-gb")).trim()) * GIB;
        } catch (IOException | NumberFormatException notPrepared) {
            return null;
        }
    }

    @Override
    public synchronized void resizeVolume(int sizeGb) throws IOException {
        Long current = volumeTotalBytes();
        if (current != null && (long) sizeGb * GIB < current) {
            throw new IllegalArgumentException("the volume is " + current / GIB + " GB and cannot shrink to "
                    + sizeGb + " GB");
        }
        Files.createDirectories(config.nodeDir());
        Files.writeString(file("volume-size-gb"), Integer.toString(sizeGb));
        log.info("node {}: volume resized to {} GB", config.nodeId(), sizeGb);
    }

    protected final void running() {
        status = ServiceStatus.RUNNING;
        description = null;
    }

    protected final boolean isPrepared() {
        return Files.exists(file("prepared"));
    }

    protected final Path file(String name) {
        return config.nodeDir().resolve(name);
    }
}
