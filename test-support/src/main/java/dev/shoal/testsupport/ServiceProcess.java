package dev.shoal.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Shoal service run as a child JVM from its jar, as an operator runs it: it can be stopped cleanly (SIGTERM, its
 * shutdown hooks run), killed ({@code kill -9}, nothing runs), and started again with the same command and
 * environment. Its output goes to a log file that every start appends to.
 */
public final class ServiceProcess {

    private static final Duration GRACE = Duration.ofSeconds(60);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    /**
     * @param environment added to this JVM's environment, from which every {@code SHOAL_*} variable is removed first
     *                    so that a developer's settings never leak into the child
     */
    public ServiceProcess(String name, Path jar, List<String> jvmOptions, Map<String, String> environment, Path log) {
        this.name = name;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public synchronized ServiceProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " runs already as pid " + process.pid());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SHOAL_"));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** SIGTERM, without waiting: several services stop side by side, as an operator's tooling stops them. */
    public synchronized void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    /** SIGTERM, and SIGKILL only if it has not exited within a minute. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(GRACE)) {
            process.destroyForcibly();
            waitFor(GRACE);
            throw new IllegalStateException(name + " did not stop within " + GRACE.toSeconds() + " s of SIGTERM");
        }
    }

    /** {@code kill -9}: no shutdown hook runs, so whatever the service started outlives it, as after a crash. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(GRACE);
    }

    /** {@code kill -STOP}: the process is frozen, as a long garbage collection or a stalled host freezes it. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** {@code kill -CONT}: a paused process runs on from where it was. */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + process.pid() + ")" : " (not running)");
    }
}
