package dev.shoal.taskmanager.task;

import java.util.UUID;

/**
 * One grant of a task's lease to one task manager. The epoch is the fencing token: it grows with every grant, of
 * this task or any other, so a write or a guest call that carries an older one comes from a task manager that has
 * since lost the task.
 */
public record TaskLease(UUID taskId, String owner, long epoch) {
}
