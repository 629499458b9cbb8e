package dev.shoal.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zonky starts PostgreSQL through pg_ctl, so the postmaster outlives a standalone JVM killed with -9 and keeps the
 * data directory and port: every later start would fail on its postmaster.pid. Before a start, this stops such a
 * postmaster, and drops a pid file whose process number now belongs to another program (PostgreSQL would take
 * that program for a running server).
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private enum Holder { THIS_POSTMASTER, ANOTHER_PROGRAM, UNKNOWN }

    private LeftoverPostmaster() {
    }

    static void removeFrom(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("{} names process {}, which is gone: PostgreSQL will replace the file", pidFile, pid.get());
            return;
        }
        switch (holder(process.get(), dataDir)) {
            case THIS_POSTMASTER -> stop(process.get(), dataDir);
            case ANOTHER_PROGRAM -> {
                log.warn("{} names process {}, now {}: the file is stale, removing it", pidFile, pid.get(),
                        process.get().info().command().orElse("another program"));
                Files.deleteIfExists(pidFile);
            }
            case UNKNOWN -> log.info("{} names process {}, which cannot be inspected: leaving it to PostgreSQL",
                    pidFile, pid.get());
        }
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A postmaster works in its data directory; another user's process shows neither program nor directory. */
    private static Holder holder(ProcessHandle process, Path dataDir) {
        Optional<String> command = process.info().command();
        Path workingDir = Path.of("/proc", Long.toString(process.pid()), "cwd");
        if (command.isEmpty() || !Files.isDirectory(workingDir)) {
            return Holder.UNKNOWN;
        }
        try {
            boolean postgres = Path.of(command.get()).getFileName().toString().equals("postgres");
            return postgres && Files.isSameFile(workingDir, dataDir) ? Holder.THIS_POSTMASTER : Holder.ANOTHER_PROGRAM;
        } catch (IOException e) {
            return Holder.UNKNOWN;
        }
    }

    /**
     * SIGTERM asks for PostgreSQL's smart shutdown, which waits for clients: the killed JVM's connections are already
     * closed by the kernel. SIGKILL is the last resort, sent to the backends too, since a surviving one keeps the
     * shared memory a new postmaster refuses to share.
     */
    private static void stop(ProcessHandle postmaster, Path dataDir) throws IOException {
        log.warn("PostgreSQL (pid {}) still runs on {}, left by a standalone process that did not stop it: stopping it",
                postmaster.pid(), dataDir);
        List<ProcessHandle> backends = postmaster.descendants().toList();
        long started = System.nanoTime();
        postmaster.destroy();
        if (exited(postmaster, STOP_TIMEOUT)) {
            log.info("PostgreSQL (pid {}) stopped in {} ms", postmaster.pid(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return;
        }
        log.warn("PostgreSQL (pid {}) did not stop within {}: killing it", postmaster.pid(), STOP_TIMEOUT);
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        if (!exited(postmaster, KILL_TIMEOUT) || !backends.stream().allMatch(child -> exited(child, KILL_TIMEOUT))) {
            throw new IOException("cannot stop PostgreSQL (pid " + postmaster.pid() + ") on " + dataDir);
        }
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
