package dev.shoal.taskmanager.task;

import dev.shoal.taskmanager.TaskManagerProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * A step's remote work that is not a guest call (the compute driver, the broker's accounts), done outside the step's
 * transaction: within a step a call is started once on a pool of this process, the step waits for it holding neither
 * its thread nor a transaction ({@link AwaitingAnswer}), and its next run of the round finds the result. Elsewhere a
 * call runs in its caller.
 *
 * <p>Results are kept in this process only: a task taken over by another task manager asks again, which the remote
 * side must bear (a compute driver is idempotent, and so are broker accounts). A node's calls run one after another
 * in the order asked, so a later call about a node (its firewall's newer rules) never lands before an earlier one.
 */
@Component
public class RemoteCalls {

    /** Longer than any step waits within one round (a backup's guest call, 30 minutes). */
    private static final Duration KEPT = Duration.ofHours(2);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final ExecutorService pool;
    private final TaskWakeups wakeups;
    private final Clock clock;
    private final Map<UUID, Started> calls = new ConcurrentHashMap<>();
    /** Each node's last call, which its next one runs after. */
    private final Map<UUID, CompletableFuture<Object>> lastOfNode = new ConcurrentHashMap<>();
    private volatile Instant swept = Instant.EPOCH;

    public RemoteCalls(TaskManagerProperties properties, TaskWakeups wakeups, Clock clock) {
        this.pool = Executors.newFixedThreadPool(properties.remoteWorkers(), runnable -> {
            Thread thread = new Thread(runnable, "remote-work");
            thread.setDaemon(true);
            return thread;
        });
        this.wakeups = wakeups;
        this.clock = clock;
    }

    /**
     * @param type what is asked of the node's remote side; asking something else (another firewall) is another call
     * @throws AwaitingAnswer within a step, until the work is done
     * @throws E              what the work threw, in every run of the round that asks it again
     */
    public <T, E extends Exception> T call(UUID node, String type, Work<T, E> work) throws E {
        Optional<RunningStep> step = RunningStep.current();
        if (step.isEmpty()) {
            return work.run();
        }
        UUID id = step.get().nextCallId(node, type);
        Started started = calls.get(id);
        if (started == null) {
            sweep();
            started = new Started(start(node, step.get().taskId(), work), clock.instant());
            calls.put(id, started);
        }
        if (!started.result().isDone()) {
            throw new AwaitingAnswer(type + " of node " + node);
        }
        return resultOf(id, started);
    }

    @SuppressWarnings("unchecked")
    private <T, E extends Exception> T resultOf(UUID id, Started started) throws E {
        try {
            return (T) started.result().join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (Outages.isOutage(cause)) {
                // the task waits out the outage and its next run asks again
                calls.remove(id);
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw (E) cause;
        }
    }

    private CompletableFuture<Object> start(UUID node, UUID task, Work<?, ?> work) {
        CompletableFuture<Object> result = lastOfNode.compute(node, (key, last) ->
                (last == null ? CompletableFuture.completedFuture(null) : last)
                        .handle((ignored, failure) -> null)
                        .thenApplyAsync(ignored -> run(work), pool));
        result.whenComplete((value, failure) -> {
            lastOfNode.remove(node, result);
            wakeups.wake(task);
        });
        return result;
    }

    private static Object run(Work<?, ?> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Results of rounds long over: their steps have moved on, or their tasks ended. */
    private void sweep() {
        Instant now = clock.instant();
        if (now.isBefore(swept.plus(SWEEP_EVERY))) {
            return;
        }
        swept = now;
        calls.values().removeIf(call -> call.result().isDone() && call.asked().isBefore(now.minus(KEPT)));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private record Started(CompletableFuture<Object> result, Instant asked) {
    }
}
