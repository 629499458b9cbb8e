package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.TaskManagerProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Runners of a test's own, on the service's parts, for tests outside this package. */
public final class TestRunners {

    private TestRunners() {
    }

    /** A runner with one worker, so that a step holding it would keep every other task waiting. */
    public static TaskRunner oneWorker(ApplicationContext context, Workflow... workflows) {
        TaskManagerProperties properties = context.getBean(TaskManagerProperties.class);
        return new TaskRunner(context.getBean(TaskRepository.class), context.getBean(TaskLeases.class),
                List.of(workflows), new TaskManagerProperties(properties.pollInterval(), properties.leaseDuration(),
                properties.scanInterval(), properties.guestCallTimeoutLow(), properties.guestCallTimeoutHigh(),
                properties.guestCallTimeoutBackup(), 1, properties.remoteWorkers(), properties.maxDeliveryAttempts(),
                properties.statusNotifications()),
                context.getBean(TransactionTemplate.class), context.getBean(TaskWakeups.class),
                context.getBean(StepHistory.class), context.getBean(Clock.class),
                context.getBean(TaskMeters.class));
    }

    /** A runner whose waiting steps look again every {@code pollInterval} unless woken. */
    public static TaskRunner polling(ApplicationContext context, java.time.Duration pollInterval,
                                     Workflow... workflows) {
        TaskManagerProperties properties = context.getBean(TaskManagerProperties.class);
        return new TaskRunner(context.getBean(TaskRepository.class), context.getBean(TaskLeases.class),
                List.of(workflows), new TaskManagerProperties(pollInterval, properties.leaseDuration(),
                properties.scanInterval(), properties.guestCallTimeoutLow(), properties.guestCallTimeoutHigh(),
                properties.guestCallTimeoutBackup(), properties.workers(), properties.remoteWorkers(),
                properties.maxDeliveryAttempts(), properties.statusNotifications()),
                context.getBean(TransactionTemplate.class), context.getBean(TaskWakeups.class),
                context.getBean(StepHistory.class), context.getBean(Clock.class),
                context.getBean(TaskMeters.class));
    }

    public static void stop(TaskRunner runner) {
        runner.stop();
    }
}
