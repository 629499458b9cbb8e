package dev.shoal.taskmanager.task;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.TaskManagerProperties;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs claimed tasks step by step on a worker pool. After every step the task row records the next step
 * and the progress, so a task manager that dies mid-task leaves a task the next one resumes where it stood.
 */
@Component
public class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(10);

    private final TaskRepository tasks;
    private final TaskLeases leases;
    private final Map<TaskKind, Workflow> workflows;
    private final TaskManagerProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService leaseKeeper;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public TaskRunner(TaskRepository tasks, TaskLeases leases, List<Workflow> workflows,
                      TaskManagerProperties properties, TransactionTemplate transactions, Clock clock) {
        this.tasks = tasks;
        this.leases = leases;
        this.workflows = workflows.stream().collect(Collectors.toMap(Workflow::kind, Function.identity()));
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.workers(), runnable -> {
            Thread thread = new Thread(runnable, "task-worker");
            thread.setDaemon(true);
            return thread;
        });
        // shutdown hooks run side by side: an embedded broker's own may close it before this runner is destroyed
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "task-runner-stopping"));
        this.leaseKeeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "task-lease-keeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Claims the task if nobody holds it and runs it in the background; false if it is not ours to run. */
    public boolean submit(UUID taskId) {
        if (!inFlight.add(taskId)) {
            return false;
        }
        if (!leases.claim(taskId, owner, properties.leaseDuration())) {
            inFlight.remove(taskId);
            return false;
        }
        workers.submit(() -> {
            MDC.put("task", taskId.toString());
            try {
                run(taskId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("task {} stopped unexpectedly; it resumes when its lease runs out", taskId, e);
            } finally {
                inFlight.remove(taskId);
                MDC.remove("task");
            }
        });
        return true;
    }

    private void run(UUID taskId) throws InterruptedException {
        while (true) {
            Task task = tasks.findById(taskId).orElseThrow();
            Workflow workflow = workflows.get(task.getKind());
            if (task.getState().isFinished() || !leases.renew(taskId, owner, properties.leaseDuration())) {
                return;
            }
            if (workflow == null) {
                transactions.executeWithoutResult(status -> tasks.findById(taskId).orElseThrow()
                        .fail("this task manager cannot run " + task.getKind() + " tasks", clock.instant()));
                return;
            }
            if (task.isPastDeadline(clock.instant())) {
                fail(taskId, workflow, workflow.timeoutError(),
                        "did not finish within its deadline (" + task.getDeadline() + ") at step " + task.getStep());
                return;
            }
            StepPlan plan = new StepPlan(workflow.steps());
            Workflow.Step step = plan.current(task.getStep());
            Workflow.StepOutcome outcome;
            ScheduledFuture<?> keepingLease = keepLease(taskId);
            try {
                outcome = transactions.execute(status -> runStep(step, taskId));
            } catch (StepFailed e) {
                if (stopping) {
                    // the broker or the database may already be gone: the task resumes, it has not failed
                    log.info("task {} stopped at step {} as this task manager stops", taskId, step.name());
                    return;
                }
                fail(taskId, workflow, e.failure.errorTask(), e.failure.getMessage());
                return;
            } finally {
                keepingLease.cancel(false);
            }
            if (outcome == Workflow.StepOutcome.WAIT) {
                Thread.sleep(properties.pollInterval().toMillis());
                continue;
            }
            if (outcome == Workflow.StepOutcome.SUPERSEDED) {
                transactions.executeWithoutResult(status -> tasks.findById(taskId).orElseThrow()
                        .complete("superseded by a later task at step " + step.name(), clock.instant()));
                log.info("task {} ({}) superseded at step {}", taskId, task.getKind(), step.name());
                return;
            }
            java.util.Optional<Workflow.Step> next = plan.after(step.name());
            transactions.executeWithoutResult(status -> {
                Task current = tasks.findById(taskId).orElseThrow();
                next.ifPresentOrElse(
                        following -> current.advance(following.name(), step.progress(), following.description(),
                                clock.instant()),
                        () -> current.complete(step.description() + ": done", clock.instant()));
            });
            if (next.isEmpty()) {
                log.info("task {} ({}) completed", taskId, task.getKind());
                return;
            }
        }
    }

    /**
     * A step may wait on a guest far longer than a lease (a backup, a snapshot): the lease is renewed meanwhile, so
     * no other task manager takes the task over from one that is still working on it.
     */
    private ScheduledFuture<?> keepLease(UUID taskId) {
        long every = Math.max(1, properties.leaseDuration().toMillis() / 3);
        return leaseKeeper.scheduleWithFixedDelay(() -> {
            try {
                leases.renewUnlessLocked(taskId, owner, properties.leaseDuration());
            } catch (RuntimeException e) {
                log.warn("lease of task {} not renewed: {}", taskId, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private Workflow.StepOutcome runStep(Workflow.Step step, UUID taskId) {
        Task task = tasks.findById(taskId).orElseThrow();
        try {
            return step.action().run(task);
        } catch (StepFailure failure) {
            throw new StepFailed(failure);
        } catch (Exception e) {
            String reason = step.description() + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            throw new StepFailed(new StepFailure(null, reason));
        }
    }

    private void fail(UUID taskId, Workflow workflow, NodeTask errorTask, String reason) {
        log.warn("task {} failed: {}", taskId, reason);
        transactions.executeWithoutResult(status -> {
            Task task = tasks.findById(taskId).orElseThrow();
            workflow.onFailure(task, errorTask, reason);
            task.fail(reason, clock.instant());
        });
    }

    /**
     * A clean stop hands its tasks on at once instead of leaving them to wait out their leases: once no worker of
     * this runner can write any more, its leases are released. A worker that does not stop in time keeps them.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        leaseKeeper.shutdownNow();
        workers.shutdownNow();
        if (workersStopped()) {
            int released = leases.releaseAll(owner);
            if (released > 0) {
                log.info("released the leases of {} unfinished tasks for another task manager to resume", released);
            }
        } else {
            log.warn("task workers still busy after {} s; their tasks resume once their leases run out",
                    STOP_GRACE.toSeconds());
        }
    }

    private boolean workersStopped() {
        try {
            return workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Carries a step's failure out of the transaction, which it rolls back. */
    private static final class StepFailed extends RuntimeException {
        private final transient StepFailure failure;

        StepFailed(StepFailure failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
