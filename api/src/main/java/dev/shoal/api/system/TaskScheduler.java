package dev.shoal.api.system;

import dev.shoal.api.security.Caller;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.task.RunTask;
import dev.shoal.domain.outbox.Outbox;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Writes a task and its cast to the task manager in the caller's transaction; the cast leaves after commit. */
@Component
public class TaskScheduler {

    private final TaskRepository tasks;
    private final Outbox outbox;
    private final Clock clock;

    TaskScheduler(TaskRepository tasks, Outbox outbox, Clock clock) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Task schedule(String tenantId, TaskKind kind, String resourceType, UUID resourceId, String parameters,
                         Duration timeout) {
        Task task = tasks.save(new Task(tenantId, kind, resourceType, resourceId, parameters, requestedBy(),
                clock.instant(), timeout));
        outbox.cast(Routing.TASKMANAGER_QUEUE, MessageTypes.RUN_TASK, tenantId, task.getId().toString(),
                new RunTask(task.getId().toString()));
        OperationLocationFilter.started(task);
        return task;
    }

    /** The caller's token, or Shoal itself when no request started the work. */
    private static String requestedBy() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? caller.displayName() : Task.SHOAL;
    }
}
