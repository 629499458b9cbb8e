package dev.shoal.taskmanager.compute;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every process of a node has the node's directory on its command line (the guest its config file, the
 * datastore its data directory), so they are found by it, even a datastore whose guest died first.
 */
final class NodeProcesses {

    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final int LATE_STARTER_ROUNDS = 5;

    private NodeProcesses() {
    }

    static List<ProcessHandle> of(Path nodeDir) {
        String marker = nodeDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker + "/")).orElse(false))
                .toList();
    }

    /** SIGKILL, as a lost host would end them, and waits until they are gone. */
    static void kill(Path nodeDir) {
        List<ProcessHandle> processes = of(nodeDir);
        processes.forEach(ProcessHandle::destroyForcibly);
        // one that survives SIGKILL for the whole grace period is stuck in the kernel: nothing more can be done here
        awaitExit(processes);
        killLateStarters(nodeDir);
    }

    /** SIGTERM (so the datastore shuts down cleanly), then SIGKILL whatever is left after the grace period. */
    static void terminate(Path nodeDir) {
        List<ProcessHandle> processes = of(nodeDir);
        processes.forEach(ProcessHandle::destroy);
        if (!awaitExit(processes)) {
            of(nodeDir).forEach(ProcessHandle::destroyForcibly);
        }
        killLateStarters(nodeDir);
    }

    /**
     * Processes one of those found started after they were listed (a datastore's install script starting its server
     * as its guest was told to stop), which would otherwise outlive the node and write into its directory as it goes.
     */
    private static void killLateStarters(Path nodeDir) {
        for (int round = 0; round < LATE_STARTER_ROUNDS; round++) {
            List<ProcessHandle> left = of(nodeDir);
            if (left.isEmpty()) {
                return;
            }
            left.forEach(ProcessHandle::destroyForcibly);
            awaitExit(left);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(GRACE.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
