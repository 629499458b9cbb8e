package dev.shoal.taskmanager.task;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tasks whose step waits, each until its next run is due: after the poll interval, or at once when what it waits
 * for comes (a guest's answer). None holds a thread meanwhile.
 */
final class WaitingTasks {

    private final ScheduledExecutorService timer;
    private final Duration pollInterval;
    private final Consumer<TaskLease> run;
    private final Map<UUID, Sleeping> sleeping = new HashMap<>();
    /** Tasks woken while their step still ran: their next run is due as soon as they wait. */
    private final Set<UUID> woken = ConcurrentHashMap.newKeySet();

    WaitingTasks(ScheduledExecutorService timer, Duration pollInterval, Consumer<TaskLease> run) {
        this.timer = timer;
        this.pollInterval = pollInterval;
        this.run = run;
    }

    /** @throws RejectedExecutionException when the timer is stopped */
    void waitFor(TaskLease lease) {
        synchronized (sleeping) {
            if (!woken.remove(lease.taskId())) {
                sleeping.put(lease.taskId(), new Sleeping(lease, timer.schedule(() -> due(lease.taskId()),
                        pollInterval.toMillis(), TimeUnit.MILLISECONDS)));
                return;
            }
        }
        run.accept(lease);
    }

    /** @param running whether the task is this runner's now, running a step or waiting */
    void wake(UUID taskId, boolean running) {
        if (!running) {
            return;
        }
        Sleeping asleep;
        synchronized (sleeping) {
            asleep = sleeping.remove(taskId);
            if (asleep == null) {
                woken.add(taskId);
                return;
            }
            if (!asleep.due().cancel(false)) {
                return;
            }
        }
        run.accept(asleep.lease());
    }

    /** The task ended here (done, failed, lost): a wake-up that came for it is void. */
    void forget(UUID taskId) {
        woken.remove(taskId);
    }

    private void due(UUID taskId) {
        Sleeping asleep;
        synchronized (sleeping) {
            asleep = sleeping.remove(taskId);
        }
        if (asleep != null) {
            run.accept(asleep.lease());
        }
    }

    private record Sleeping(TaskLease lease, ScheduledFuture<?> due) {
    }
}
