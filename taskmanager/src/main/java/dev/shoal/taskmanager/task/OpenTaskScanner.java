package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Takes up open tasks nobody holds: ones whose cast was lost, and ones whose task manager died. */
@Component
class OpenTaskScanner {

    private final TaskRepository tasks;
    private final TaskRunner runner;
    private final Clock clock;

    OpenTaskScanner(TaskRepository tasks, TaskRunner runner, Clock clock) {
        this.tasks = tasks;
        this.runner = runner;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1000, fixedDelayString = "${shoal.taskmanager.scan-interval:5s}")
    void resumeOpenTasks() {
        tasks.findClaimable(clock.instant()).forEach(runner::submit);
    }
}
