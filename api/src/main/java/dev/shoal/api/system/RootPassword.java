package dev.shoal.api.system;

import java.util.UUID;

/** A root password on its way to the nodes, and the task that takes it there. */
public record RootPassword(String password, UUID taskId) {

    @Override
    public String toString() {
        return "RootPassword[task=" + taskId + "]";
    }
}
