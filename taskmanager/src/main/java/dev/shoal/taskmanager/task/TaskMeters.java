package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What the task manager counts of operations: how many ended and how, and how long each step took. Tags are the
 * operation's kind, its outcome and the step's name, all bounded; never a task's, tenant's or resource's id.
 */
@Component
public class TaskMeters {

    static final String OPERATIONS = "shoal.operations";
    static final String STEPS = "shoal.operation.step";

    private final MeterRegistry registry;

    public TaskMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The task's change that ended it committed; a task not yet ended is not counted. */
    void finished(Task task) {
        String outcome = outcome(task.getState());
        if (outcome != null) {
            Counter.builder(OPERATIONS)
                    .description("Operations (tasks) finished, by kind and outcome")
                    .tag("kind", task.getKind().name())
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment();
        }
    }

    void stepTook(TaskKind kind, String step, Duration took) {
        Timer.builder(STEPS)
                .description("How long a step of an operation took, from its start to its end, waits included")
                .tag("kind", kind.name())
                .tag("step", step)
                .publishPercentileHistogram()
                .register(registry)
                .record(took.isNegative() ? Duration.ZERO : took);
    }

    private static String outcome(TaskState state) {
        return switch (state) {
            case COMPLETED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
            case PENDING, RUNNING -> null;
        };
    }
}
