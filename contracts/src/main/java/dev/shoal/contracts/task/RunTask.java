package dev.shoal.contracts.task;

/** Wakes the task manager for a task persisted in the database; the task row is the truth. */
public record RunTask(String taskId) {
}
