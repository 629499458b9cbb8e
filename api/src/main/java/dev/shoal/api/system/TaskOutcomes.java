package dev.shoal.api.system;

import dev.shoal.api.ApiProperties;
import dev.shoal.domain.outbox.OutboxRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.domain.task.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers a request only once the task it scheduled is done, for the few calls Trove makes synchronous (root
 * enable): the api still never talks to a guest, it reads the task's outcome in short transactions of its own.
 */
@Component
public class TaskOutcomes {

    private static final Duration POLL = Duration.ofMillis(25);

    private final TaskRepository tasks;
    private final OutboxRepository outbox;
    private final TransactionTemplate readOnly;
    private final ApiProperties properties;
    private final Clock clock;

    TaskOutcomes(TaskRepository tasks, OutboxRepository outbox, TransactionTemplate transactions,
                 ApiProperties properties, Clock clock) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Trove's root enable is synchronous: the password is handed out only once every node took it, so a client may
     * connect with it at once.
     */
    public String rootPassword(RootPassword root, String target) {
        awaitSuccess(root.taskId(), properties.rootEnableTimeout(), "root enable of " + target);
        return root.password();
    }

    /**
     * Must be called outside any transaction, after the one that scheduled the task committed.
     *
     * @throws ApiException 504 when the task has not finished within {@code timeout}, 502 when it failed
     * @throws DependencyUnavailable (503) when by then the task was never started and casts wait in the outbox
     */
    public void awaitSuccess(UUID taskId, Duration timeout, String what) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Task task = readOnly.execute(status -> tasks.findById(taskId).orElseThrow());
            if (task.getState() == TaskState.COMPLETED) {
                return;
            }
            if (task.getState() == TaskState.FAILED) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, "guest-failed", what + " failed: " + task.getError(),
                        List.of());
            }
            if (clock.instant().isAfter(deadline)) {
                if (task.getState() == TaskState.PENDING && outbox.countByPublishedAtIsNull() > 0) {
                    // the cast that starts the task never left: the broker, not a node, is what is missing
                    throw new DependencyUnavailable(Dependency.BROKER, what + " could not be sent to the task"
                            + " manager");
                }
                throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "guest-timeout", what + " was not confirmed by"
                        + " the node within " + timeout.toSeconds() + " s; it may still take effect, so ask again"
                        + " for a password you know works", List.of());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", what + " was interrupted",
                        List.of());
            }
        }
    }
}
