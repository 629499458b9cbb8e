package dev.shoal.domain.task;

public enum TaskState {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    /** Stopped on request at a safe point, with what it had added undone. */
    CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
