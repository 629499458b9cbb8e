package dev.shoal.taskmanager.task;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The lease under which this thread runs a step, so that the guest calls the step makes carry its fencing epoch
 * without every workflow passing it along: a guest refuses a promotion or demotion from a caller older than one it
 * has obeyed.
 */
public final class StepFence {

    private static final ThreadLocal<TaskLease> CURRENT = new ThreadLocal<>();

    private StepFence() {
    }

    /** The epoch of the step running on this thread, if one is. */
    public static OptionalLong epoch() {
        TaskLease lease = CURRENT.get();
        return lease == null ? OptionalLong.empty() : OptionalLong.of(lease.epoch());
    }

    static <T> T during(TaskLease lease, Supplier<T> step) {
        CURRENT.set(lease);
        try {
            return step.get();
        } finally {
            CURRENT.remove();
        }
    }
}
