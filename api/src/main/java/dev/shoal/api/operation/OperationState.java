package dev.shoal.api.operation;

import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskState;
import org.springframework.data.jpa.domain.Specification;

/**
 * An operation's state as clients see it: a task's own, with the cancel asked of it (CANCELLING until it ends, CANCELLED
 * once undone).
 */
enum OperationState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLING,
    CANCELLED;

    /** A task a task manager has claimed is running, whether or not its first step has begun. */
    static OperationState of(Task task) {
        return switch (task.getState()) {
            case PENDING, RUNNING -> task.isCancelRequested() || task.isCancelling() ? CANCELLING
                    : task.getState() == TaskState.PENDING ? QUEUED : RUNNING;
            case COMPLETED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** The tasks shown in this state. */
    Specification<Task> matching() {
        return switch (this) {
            case QUEUED -> state(TaskState.PENDING).and(Specification.not(cancelAsked()));
            case RUNNING -> state(TaskState.RUNNING).and(Specification.not(cancelAsked()));
            case CANCELLING -> state(TaskState.PENDING).or(state(TaskState.RUNNING)).and(cancelAsked());
            case SUCCEEDED -> state(TaskState.COMPLETED);
            case FAILED -> state(TaskState.FAILED);
            case CANCELLED -> state(TaskState.CANCELLED);
        };
    }

    private static Specification<Task> state(TaskState state) {
        return (root, query, where) -> where.equal(root.get("state"), state);
    }

    private static Specification<Task> cancelAsked() {
        return (root, query, where) -> where.or(where.isNotNull(root.get("cancelRequestedAt")),
                where.isTrue(root.get("cancelling")));
    }
}
