package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.TaskManagerProperties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write a task manager makes for a task, each in a transaction that commits only if the lease it works under
 * is still the task's when the write is done: the check takes the task's row lock, so a concurrent claim waits for
 * the commit, and a claim that came first makes the check fail and the whole write roll back.
 */
final class FencedWrites {

    private final TaskRepository tasks;
    private final TaskLeases leases;
    private final TaskManagerProperties properties;
    private final TransactionTemplate transactions;
    private final TaskMeters meters;

    FencedWrites(TaskRepository tasks, TaskLeases leases, TaskManagerProperties properties,
                 TransactionTemplate transactions, TaskMeters meters) {
        this.tasks = tasks;
        this.leases = leases;
        this.properties = properties;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Runs {@code work} on the task, with what it changes, and renews the lease. */
    <T> T apply(TaskLease lease, Function<Task, T> work) {
        return transactions.execute(status -> {
            T result = work.apply(tasks.findById(lease.taskId()).orElseThrow());
            fence(leases.renew(lease, properties.leaseDuration()));
            return result;
        });
    }

    void write(TaskLease lease, Consumer<Task> change) {
        apply(lease, task -> {
            change.accept(task);
            return null;
        });
    }

    /** The change that ends the task, which ends the lease with it; the task is counted once it committed. */
    void finish(TaskLease lease, Consumer<Task> change) {
        Task finished = transactions.execute(status -> {
            Task task = tasks.findById(lease.taskId()).orElseThrow();
            change.accept(task);
            fence(leases.finish(lease));
            return task;
        });
        meters.finished(finished);
    }

    private static void fence(boolean current) {
        if (!current) {
            throw new LeaseLost();
        }
    }

    /** Another task manager holds the task now: what this one was writing is rolled back. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the lease was granted again since", null, false, false);
        }
    }
}
