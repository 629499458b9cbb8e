package dev.shoal.taskmanager.task;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The step this thread runs, for the guest calls it makes: they carry its lease's fencing epoch (a guest refuses a
 * promotion or demotion from a caller older than one it has obeyed), and each is named by the task, the step, its
 * round and its place in the run, so that the run after a wait finds the answer to the same call instead of asking
 * again. The n-th call of a kind to a node is the same call in every run of one round, as a step observes before it
 * acts and does the same given the same answers.
 */
public final class RunningStep {

    private static final ThreadLocal<RunningStep> CURRENT = new ThreadLocal<>();

    private final TaskLease lease;
    private final String step;
    private final int round;
    private final Map<String, Integer> calls = new HashMap<>();

    private RunningStep(TaskLease lease, String step, int round) {
        this.lease = lease;
        this.step = step;
        this.round = round;
    }

    /** The step running on this thread, if one is. */
    public static Optional<RunningStep> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static <T> T during(TaskLease lease, String step, int round, Supplier<T> work) {
        CURRENT.set(new RunningStep(lease, step, round));
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    public long epoch() {
        return lease.epoch();
    }

    public UUID taskId() {
        return lease.taskId();
    }

    public String stepName() {
        return step;
    }

    /** The id of this run's next call of {@code type} to {@code node}: the same in every run of this round. */
    public UUID nextCallId(UUID node, String type) {
        String kind = node + "/" + type;
        int place = calls.merge(kind, 1, Integer::sum);
        return UUID.nameUUIDFromBytes(("request/" + lease.taskId() + "/" + step + "/" + round + "/" + kind + "/"
                + place).getBytes(StandardCharsets.UTF_8));
    }
}
