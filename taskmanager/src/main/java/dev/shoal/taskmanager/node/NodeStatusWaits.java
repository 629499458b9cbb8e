package dev.shoal.taskmanager.node;

import dev.shoal.taskmanager.task.RunningStep;
import dev.shoal.taskmanager.task.TaskWakeups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which waiting tasks look at which node's status, so that a change of it (see {@link ServiceStatusNotifications})
 * runs their step at once instead of at its next poll. A task that moved on meanwhile is woken for nothing: its
 * runner ignores a wake-up for a task it does not hold.
 */
@Component
class NodeStatusWaits {

    /** A wait older than this belongs to a task long over: its node's status never changed again. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    private final TaskWakeups wakeups;
    private final Clock clock;
    private final Map<UUID, Map<UUID, Instant>> waiting = new ConcurrentHashMap<>();
    private volatile Instant swept = Instant.EPOCH;

    NodeStatusWaits(TaskWakeups wakeups, Clock clock) {
        this.wakeups = wakeups;
        this.clock = clock;
    }

    /**
     * The step running on this thread is about to read the node's status: registered first, so that a change
     * committed between its reading and its waiting still wakes it.
     */
    void await(UUID node) {
        RunningStep.current().ifPresent(step -> {
            Instant now = clock.instant();
            waiting.computeIfAbsent(node, key -> new ConcurrentHashMap<>()).put(step.taskId(), now);
            sweep(now);
        });
    }

    /** The node's status changed: every task that waits on it runs its step now. */
    void changed(UUID node) {
        Map<UUID, Instant> tasks = waiting.remove(node);
        if (tasks != null) {
            tasks.keySet().forEach(wakeups::wake);
        }
    }

    /** Changes may have been missed (the database connection was lost): every waiting task looks again. */
    void changedAll() {
        waiting.keySet().forEach(this::changed);
    }

    private void sweep(Instant now) {
        if (now.isBefore(swept.plus(FORGOTTEN_AFTER))) {
            return;
        }
        swept = now;
        Instant cutoff = now.minus(FORGOTTEN_AFTER);
        waiting.values().forEach(tasks -> tasks.values().removeIf(since -> since.isBefore(cutoff)));
        waiting.values().removeIf(Map::isEmpty);
    }
}
