package dev.shoal.bench.heartbeat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real node's guest frozen (SIGSTOP) rather than killed: it still runs as far as the task manager's keeper can
 * tell, so nothing starts it again, and it sends nothing until it is let go (SIGCONT).
 */
final class SilentNode implements AutoCloseable {

    private final long pid;
    private boolean stopped;

    private SilentNode(long pid) {
        this.pid = pid;
    }

    /** The guest of {@code nodeId}, from the pid file the local compute driver keeps in the node's directory. */
    static SilentNode of(Path nodesDir, String nodeId) throws IOException {
        Path pidFile = nodesDir.resolve(nodeId).resolve("guest.pid");
        return new SilentNode(Long.parseLong(Files.readString(pidFile).trim()));
    }

    void silence() throws IOException, InterruptedException {
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
