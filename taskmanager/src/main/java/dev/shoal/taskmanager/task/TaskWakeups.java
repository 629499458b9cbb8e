package dev.shoal.taskmanager.task;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.stereotype.Component;

/** Tells the runners of this process that what a task's waiting step waits for is in (a guest's answer). */
@Component
public class TaskWakeups {

    private final Set<TaskRunner> runners = new CopyOnWriteArraySet<>();

    void register(TaskRunner runner) {
        runners.add(runner);
    }

    void unregister(TaskRunner runner) {
        runners.remove(runner);
    }

    /** The runner that holds the task runs its step now; the others, and a task nobody here holds, are untouched. */
    public void wake(UUID taskId) {
        runners.forEach(runner -> runner.wake(taskId));
    }
}
