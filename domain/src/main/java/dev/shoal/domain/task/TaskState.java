package dev.shoal.domain.task;

public enum TaskState {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }
}
