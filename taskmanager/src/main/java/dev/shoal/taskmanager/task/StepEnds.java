package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a step that ran to its end: the task ends (its last step, or another task took its resource over), or
 * moves on to its next step, unless a cancel asked for while the step ran takes it at this safe point.
 */
final class StepEnds {

    private static final Logger log = LoggerFactory.getLogger(StepEnds.class);

    enum Next {
        /** The next step runs now. */
        CONTINUE,
        /** The task ended. */
        ENDED,
        /** The task's undo waits; it runs again later. */
        WAITS
    }

    private final TaskRepository tasks;
    private final FencedWrites writes;
    private final StepHistory history;
    private final TaskUndo undoing;
    private final Clock clock;

    StepEnds(TaskRepository tasks, FencedWrites writes, StepHistory history, TaskUndo undoing, Clock clock) {
        this.tasks = tasks;
        this.writes = writes;
        this.history = history;
        this.undoing = undoing;
        this.clock = clock;
    }

    /** @param outcome {@code DONE} or {@code SUPERSEDED}: how the step ended */
    Next after(TaskLease lease, Task task, Workflow workflow, StepPlan plan, Workflow.Step step,
               Workflow.StepOutcome outcome) {
        UUID taskId = lease.taskId();
        if (outcome == Workflow.StepOutcome.SUPERSEDED) {
            String superseded = "superseded by a later task at step " + step.name();
            writes.finish(lease, current -> {
                current.complete(superseded, clock.instant());
                history.complete(taskId, step.name(), superseded, clock.instant());
            });
            log.info("task {} ({}) superseded at step {}", taskId, task.getKind(), step.name());
            return Next.ENDED;
        }
        Optional<Workflow.Step> next = plan.after(step.name());
        if (next.isEmpty()) {
            writes.finish(lease, current -> {
                current.complete(step.description() + ": done", clock.instant());
                history.complete(taskId, step.name(), null, clock.instant());
            });
            log.info("task {} ({}) completed", taskId, task.getKind());
            return Next.ENDED;
        }
        Workflow.Step following = next.get();
        boolean cancelled = writes.apply(lease, current -> {
            // the api takes the task's row to decide on a cancel too: one it took while this step ran is seen here,
            // and the next step has not begun
            if (tasks.lockCancelRequested(taskId) && workflow.cancellableSteps(current).contains(step.name())) {
                return true;
            }
            current.advance(following.name(), step.progress(), following.description(), clock.instant());
            history.advance(taskId, step.name(), following.name(), clock.instant());
            return false;
        });
        if (cancelled) {
            return undoing.cancel(lease, workflow, step.name()) ? Next.WAITS : Next.ENDED;
        }
        return Next.CONTINUE;
    }
}
