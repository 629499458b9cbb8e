package dev.shoal.api.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.domain.task.Task;
import java.util.UUID;

/**
 * The task that is (or last was) working on a resource, with its progress; {@code description} is the field
 * Trove's clients print. {@code operation_id} is the operation to follow it by ({@code /operations/{id}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(UUID id, String name, String description, String state, String step, int progress,
                       String message, String error, @JsonProperty("operation_id") UUID operationId) {

    /** The same task under another name: a cluster shows its own task (Trove's {@code task_name}) over the job's. */
    public TaskView named(String otherName) {
        return new TaskView(id, otherName, description, state, step, progress, message, error, operationId);
    }

    public static TaskView of(Task task) {
        String description = task.getError() != null ? task.getError()
                : task.getMessage() != null ? task.getMessage() : task.getKind().name();
        return new TaskView(task.getId(), task.getKind().name(), description, task.getState().name(), task.getStep(),
                task.getProgress(), task.getMessage(), task.getError(), task.getId());
    }
}
