package dev.shoal.api.operation;

import dev.shoal.domain.task.TaskState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * An operation's state as clients see it. {@code CANCELLING} and {@code CANCELLED} are reserved for cancelling an
 * operation, which nothing does yet: a filter on them is valid and matches nothing.
 */
enum OperationState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLING,
    CANCELLED;

    /** A task a task manager has claimed is running, whether or not its first step has begun. */
    static OperationState of(TaskState state) {
        return switch (state) {
            case PENDING -> QUEUED;
            case RUNNING -> RUNNING;
            case COMPLETED -> SUCCEEDED;
            case FAILED -> FAILED;
        };
    }

    /** The task states shown as this state; none for the reserved ones. */
    Set<TaskState> taskStates() {
        Set<TaskState> states = EnumSet.noneOf(TaskState.class);
        Arrays.stream(TaskState.values()).filter(state -> of(state) == this).forEach(states::add);
        return states;
    }
}
