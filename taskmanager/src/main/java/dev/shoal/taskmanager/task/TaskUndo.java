package dev.shoal.taskmanager.task;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.OperationStep;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskFailures;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a task ends early: a step failed, or it was cancelled on request at a safe point. Either way what the task added
 * is undone as a step does its work (what the undo asks of guests and the compute driver it waits for holding no
 * transaction), and the task ends failed or cancelled. An undo that fails itself still ends the task failed, with both
 * reasons.
 */
final class TaskUndo {

    private static final Logger log = LoggerFactory.getLogger(TaskUndo.class);
    /** The name the calls of an undo go by, and its step in the operation. */
    private static final String UNDO = OperationStep.UNDO;

    private final FencedWrites writes;
    private final StepHistory history;
    private final BooleanSupplier stopping;
    private final Clock clock;

    TaskUndo(FencedWrites writes, StepHistory history, BooleanSupplier stopping, Clock clock) {
        this.writes = writes;
        this.history = history;
        this.stopping = stopping;
        this.clock = clock;
    }

    /** @return true when undoing what the task did waits, and the task is to run again later */
    boolean fail(TaskLease lease, Workflow workflow, String step, NodeTask errorTask, String reason) {
        log.warn("task {} failed: {}; undoing what it did", lease.taskId(), reason);
        writes.write(lease, task -> {
            task.startUndo(errorTask, reason, clock.instant());
            history.fail(lease.taskId(), step, reason, clock.instant());
        });
        return undo(lease, workflow);
    }

    /** @return true when undoing what the task added waits, and the task is to run again later */
    boolean cancel(TaskLease lease, Workflow workflow, String step) {
        log.info("task {} cancelled at step {}; undoing what it added", lease.taskId(), step);
        writes.write(lease, task -> {
            task.startCancel(step, clock.instant());
            history.cancel(lease.taskId(), step, clock.instant());
        });
        return undo(lease, workflow);
    }

    /** @return true when the undo waits, and the task is to run again later */
    boolean undo(TaskLease lease, Workflow workflow) {
        try {
            writes.finish(lease, task -> RunningStep.during(lease, UNDO, task.getStepRound(), () -> {
                if (task.isCancelling()) {
                    workflow.onCancel(task);
                    task.cancelled(clock.instant());
                } else {
                    workflow.onFailure(task, task.getUndoErrorTask(), task.getError());
                    task.fail(task.getError(), clock.instant());
                }
                history.undone(lease.taskId(), null, clock.instant());
                return null;
            }));
            return false;
        } catch (AwaitingAnswer waiting) {
            return true;
        } catch (FencedWrites.LeaseLost lost) {
            throw lost;
        } catch (RuntimeException e) {
            if (Outages.isOutage(e) || stopping.getAsBoolean()) {
                throw e;
            }
            log.error("task {}: undoing what it did failed", lease.taskId(), e);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            writes.finish(lease, task -> {
                String reason = task.isCancelling() ? "cancelled at step " + task.getStep() : task.getError();
                task.fail(TaskFailures.undoFailed(reason, why), clock.instant());
                history.undone(lease.taskId(), why, clock.instant());
            });
            return false;
        }
    }
}
