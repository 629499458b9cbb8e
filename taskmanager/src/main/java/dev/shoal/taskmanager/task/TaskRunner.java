package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskFailures;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.TaskManagerProperties;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * Runs claimed tasks step by step on a worker pool. After every step the task row records the next step and the
 * progress, so a task manager that dies mid-task leaves a task the next one resumes where it stood. A step that waits
 * holds no thread: its task runs again after the poll interval. Every write is fenced by the lease's epoch, so a task
 * manager that lost its task (paused past its lease) writes nothing more for it.
 */
@Component
public class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);
    private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(10);

    private final TaskRepository tasks;
    private final TaskLeases leases;
    private final Map<TaskKind, Workflow> workflows;
    private final TaskManagerProperties properties;
    private final FencedWrites writes;
    private final StepHistory history;
    private final TaskUndo undoing;
    private final StepEnds stepEnds;
    private final Clock clock;
    private final ExecutorService workers;
    /** Runs waiting tasks again when their time comes, and renews leases while steps run. */
    private final ScheduledExecutorService timer;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final WaitingTasks waiting;
    private final TaskWakeups wakeups;
    private volatile boolean stopping;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public TaskRunner(TaskRepository tasks, TaskLeases leases, List<Workflow> workflows,
                      TaskManagerProperties properties, TransactionTemplate transactions, TaskWakeups wakeups,
                      StepHistory history, Clock clock, TaskMeters meters) {
        this.tasks = tasks;
        this.leases = leases;
        this.workflows = workflows.stream().collect(Collectors.toMap(Workflow::kind, Function.identity()));
        this.properties = properties;
        this.writes = new FencedWrites(tasks, leases, properties, transactions, meters);
        this.history = history;
        this.undoing = new TaskUndo(writes, history, () -> stopping, clock);
        this.stepEnds = new StepEnds(tasks, writes, history, undoing, clock);
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.workers(), runnable -> {
            Thread thread = new Thread(runnable, "task-worker");
            thread.setDaemon(true);
            return thread;
        });
        // shutdown hooks run side by side: an embedded broker's own may close it before this runner is destroyed
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "task-runner-stopping"));
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "task-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.waiting = new WaitingTasks(timer, properties.pollInterval(), this::dispatch);
        this.wakeups = wakeups;
        wakeups.register(this);
    }

    /** Claims the task if nobody holds it and runs it in the background; false if it is not ours to run. */
    public boolean submit(UUID taskId) {
        if (!inFlight.add(taskId)) {
            return false;
        }
        Optional<TaskLease> lease = leases.claim(taskId, owner, properties.leaseDuration());
        if (lease.isEmpty()) {
            inFlight.remove(taskId);
            return false;
        }
        dispatch(lease.get());
        return true;
    }

    /** Whether this runner holds the task now: running a step of it, or waiting to run one again. */
    boolean isRunning(UUID taskId) {
        return inFlight.contains(taskId);
    }

    String owner() {
        return owner;
    }

    private void dispatch(TaskLease lease) {
        try {
            workers.execute(() -> work(lease));
        } catch (RejectedExecutionException stopped) {
            inFlight.remove(lease.taskId());
        }
    }

    /** Runs the task's steps until it ends or a step waits; a waiting task is run again later, on any worker. */
    private void work(TaskLease lease) {
        MDC.put("task", lease.taskId().toString());
        boolean waits = false;
        try {
            waits = runSteps(lease);
        } catch (FencedWrites.LeaseLost e) {
            logStale(lease);
        } catch (RejectedExecutionException e) {
            log.info("task {} left for the next task manager as this one stops", lease.taskId());
        } catch (RuntimeException e) {
            if (Outages.isOutage(e) && !stopping) {
                log.warn("task {} waits for its database or broker: {}", lease.taskId(), e.getMessage());
                waits = true;
            } else if (!stopping && takenOver(lease)) {
                // a write that failed for a frozen process, whose session the database ended meanwhile
                logStale(lease);
            } else {
                log.error("task {} stopped unexpectedly; it resumes when its lease runs out", lease.taskId(), e);
            }
        } finally {
            MDC.remove("task");
            if (waits) {
                later(lease);
            } else {
                waiting.forget(lease.taskId());
                inFlight.remove(lease.taskId());
            }
        }
    }

    private static void logStale(TaskLease lease) {
        log.warn("task {}: lease epoch {} is stale, another task manager took the task over; this one stops without"
                + " writing", lease.taskId(), lease.epoch());
    }

    private boolean takenOver(TaskLease lease) {
        try {
            return !leases.holds(lease);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** A waiting step gives its worker back: it runs again after the poll interval, or when woken. */
    private void later(TaskLease lease) {
        try {
            waiting.waitFor(lease);
        } catch (RejectedExecutionException stopped) {
            inFlight.remove(lease.taskId());
        }
    }

    /** What the task's waiting step waits for is in (a guest's answer): it runs now, not after the poll interval. */
    void wake(UUID taskId) {
        waiting.wake(taskId, inFlight.contains(taskId));
    }

    /** @return true when a step waits and the task is to run again later */
    private boolean runSteps(TaskLease lease) {
        UUID taskId = lease.taskId();
        while (true) {
            // a task this grant still holds is open: one taken over is told apart, whether finished since or not
            if (!leases.renew(lease, properties.leaseDuration())) {
                throw new FencedWrites.LeaseLost();
            }
            Task task = tasks.findById(taskId).orElseThrow();
            Workflow workflow = workflows.get(task.getKind());
            if (workflow == null) {
                writes.finish(lease, current -> current.fail(
                        "this task manager cannot run " + task.getKind() + " tasks", clock.instant()));
                return false;
            }
            StepPlan plan = new StepPlan(workflow.steps());
            if (task.getStarted() == null) {
                writes.write(lease, current -> {
                    current.markStarted(clock.instant());
                    history.plan(taskId, workflow.steps(), workflow.cancellableSteps(current),
                            plan.current(current.getStep()).name(), clock.instant());
                });
            }
            if (task.isUndoing()) {
                return undoing.undo(lease, workflow);
            }
            Workflow.Step step = plan.current(task.getStep());
            if (task.isCancelRequested()) {
                if (workflow.cancellableSteps(task).contains(step.name())) {
                    return undoing.cancel(lease, workflow, step.name());
                }
                // asked in the moment the task went past its point of no return: it carries on
                log.info("task {}: cancel asked at step {}, past its point of no return; it carries on", taskId,
                        step.name());
                writes.write(lease, current -> tasks.dropCancelRequest(taskId));
            }
            if (task.isPastDeadline(clock.instant())) {
                return undoing.fail(lease, workflow, step.name(), workflow.timeoutError(),
                        TaskFailures.deadlineExceeded(task.getDeadline(), task.getStep()));
            }
            Workflow.StepOutcome outcome;
            try {
                outcome = runStep(step, lease);
            } catch (StepActions.StepFailed e) {
                if (stopping) {
                    // the broker or the database may already be gone: the task resumes, it has not failed
                    log.info("task {} stopped at step {} as this task manager stops", taskId, step.name());
                    return false;
                }
                return undoing.fail(lease, workflow, step.name(), e.failure.errorTask(), e.failure.getMessage());
            }
            if (outcome == Workflow.StepOutcome.WAIT) {
                return true;
            }
            StepEnds.Next next = stepEnds.after(lease, task, workflow, plan, step, outcome);
            if (next != StepEnds.Next.CONTINUE) {
                return next == StepEnds.Next.WAITS;
            }
        }
    }

    /**
     * One step in one transaction, fenced: it commits only if this grant of the lease is still the task's when the
     * step is done. A step may wait on a guest far longer than a lease (a backup, a snapshot): the lease is renewed
     * meanwhile, so no other task manager takes the task over from one that is still working on it.
     */
    private Workflow.StepOutcome runStep(Workflow.Step step, TaskLease lease) {
        ScheduledFuture<?> keepingLease = keepLease(lease);
        try {
            return writes.apply(lease, task -> {
                Workflow.StepOutcome outcome = RunningStep.during(lease, step.name(), task.getStepRound(),
                        () -> StepActions.act(step, task));
                if (outcome == Workflow.StepOutcome.WAIT) {
                    task.endRound();
                }
                return outcome;
            });
        } catch (AwaitingAnswer waiting) {
            // what the step wrote is rolled back: it runs again once the answer is in, and finds it
            return Workflow.StepOutcome.WAIT;
        } finally {
            keepingLease.cancel(false);
        }
    }

    private ScheduledFuture<?> keepLease(TaskLease lease) {
        long every = Math.max(1, properties.leaseDuration().toMillis() / 3);
        return timer.scheduleWithFixedDelay(() -> {
            try {
                leases.renewUnlessLocked(lease, properties.leaseDuration());
            } catch (RuntimeException e) {
                log.warn("lease of task {} not renewed: {}", lease.taskId(), e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A clean stop hands its tasks on at once instead of leaving them to wait out their leases: once no worker of
     * this runner can write any more, its leases are released. A worker that does not stop in time keeps them.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        wakeups.unregister(this);
        timer.shutdownNow();
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
}
