package dev.shoal.api.instance;

import dev.shoal.api.system.TaskScheduler;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Schedules an instance's tasks, which leave through the outbox once the transaction that wrote them commits. */
@Component
public class InstanceTasks {

    static final String RESOURCE_TYPE = "instance";

    private final TaskScheduler scheduler;

    InstanceTasks(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public Task schedule(String tenantId, TaskKind kind, UUID instanceId, String parameters, Duration timeout) {
        return scheduler.schedule(tenantId, kind, RESOURCE_TYPE, instanceId, parameters, timeout);
    }
}
