package dev.shoal.bench.heartbeat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A process frozen (SIGSTOP) rather than killed, until it is let go (SIGCONT): a real node's guest that still runs
 * as far as the task manager's keeper can tell, so nothing starts it again, yet sends nothing; or the whole control
 * plane, which then takes nothing from its queues while they fill.
 */
final class Frozen implements AutoCloseable {

    private final long pid;
    private boolean stopped;

    private Frozen(long pid) {
        this.pid = pid;
    }

    /** The guest of {@code nodeId}, from the pid file the local compute driver keeps in the node's directory. */
    static Frozen guestOf(Path nodesDir, String nodeId) throws IOException {
        Path pidFile = nodesDir.resolve(nodeId).resolve("guest.pid");
        return new Frozen(Long.parseLong(Files.readString(pidFile).trim()));
    }

    /** Frozen at once. */
    static Frozen process(long pid) throws IOException, InterruptedException {
        Frozen frozen = new Frozen(pid);
        frozen.freeze();
        return frozen;
    }

    void freeze() throws IOException, InterruptedException {
        signal("STOP");
        stopped = true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (stopped) {
            signal("CONT");
            stopped = false;
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + pid + " failed: "
                    + new String(kill.getInputStream().readAllBytes()).strip());
        }
    }
}
