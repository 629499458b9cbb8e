package dev.shoal.taskmanager.account;

import dev.shoal.domain.task.TaskKind;

/**
 * One kind of change to an instance's databases or users: the guest method that makes it, its payload (the task's
 * parameters as the API wrote them), and how Shoal's rows follow once it is done or has failed.
 */
record AccountChange<T>(TaskKind kind, String method, Class<T> payloadType, String description,
                        Outcome<T> done, Outcome<T> failed) {

    @FunctionalInterface
    interface Outcome<T> {
        void apply(java.util.UUID instanceId, T payload);
    }
}
