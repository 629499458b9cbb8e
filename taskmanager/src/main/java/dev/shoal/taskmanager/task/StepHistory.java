package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.OperationStep;
import dev.shoal.domain.task.OperationStepRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a task's operation shows of its steps. Each method runs inside the fenced write of the change it records, so
 * a task manager that lost the task records nothing either; a step's time is measured once that write commits.
 */
@Component
class StepHistory {

    private final OperationStepRepository steps;
    private final TaskRepository tasks;
    private final TaskMeters meters;

    StepHistory(OperationStepRepository steps, TaskRepository tasks, TaskMeters meters) {
        this.steps = steps;
        this.tasks = tasks;
        this.meters = meters;
    }

    /** The task is taken up for the first time: its plan, the step it starts at running. */
    void plan(UUID taskId, List<Workflow.Step> plan, Set<String> cancellable, String current, Instant now) {
        if (!steps.findAllByTaskIdOrderByPosition(taskId).isEmpty()) {
            return;
        }
        List<OperationStep> rows = new ArrayList<>();
        for (Workflow.Step step : plan) {
            OperationStep row = new OperationStep(taskId, rows.size(), step.name(), step.description(),
                    cancellable.contains(step.name()));
            if (step.name().equals(current)) {
                row.start(now);
            }
            rows.add(row);
        }
        steps.saveAll(rows);
    }

    void advance(UUID taskId, String done, String next, Instant now) {
        List<OperationStep> rows = steps.findAllByTaskIdOrderByPosition(taskId);
        named(rows, done).ifPresent(step -> ended(step, () -> step.finish(null, now)));
        named(rows, next).ifPresent(step -> step.start(now));
    }

    void complete(UUID taskId, String last, String message, Instant now) {
        named(steps.findAllByTaskIdOrderByPosition(taskId), last)
                .ifPresent(step -> ended(step, () -> step.finish(message, now)));
    }

    /** The step failed with {@code reason}; undoing what the task did starts as a step of its own. */
    void fail(UUID taskId, String failed, String reason, Instant now) {
        startUndo(taskId, failed, step -> ended(step, () -> step.fail(reason, now)), now);
    }

    /** The task was cancelled at {@code step}; undoing what it added starts as a step of its own. */
    void cancel(UUID taskId, String step, Instant now) {
        startUndo(taskId, step, row -> ended(row, () -> row.cancel(now)), now);
    }

    private void startUndo(UUID taskId, String stoppedAt, Consumer<OperationStep> stop, Instant now) {
        List<OperationStep> rows = steps.findAllByTaskIdOrderByPosition(taskId);
        if (rows.isEmpty()) {
            return; // a task taken up before steps were recorded shows none
        }
        named(rows, stoppedAt).ifPresent(stop);
        if (named(rows, OperationStep.UNDO).isEmpty()) {
            OperationStep undo = new OperationStep(taskId, rows.get(rows.size() - 1).getPosition() + 1,
                    OperationStep.UNDO, "Undoing what the task did", false);
            undo.start(now);
            steps.save(undo);
        }
    }

    /** @param failure why undoing failed, or null when it is done */
    void undone(UUID taskId, String failure, Instant now) {
        named(steps.findAllByTaskIdOrderByPosition(taskId), OperationStep.UNDO).ifPresent(step -> ended(step, () -> {
            if (failure == null) {
                step.finish(null, now);
            } else {
                step.fail(failure, now);
            }
        }));
    }

    /** Ends the step, and times it once the write that ended it commits (the task is already in that write). */
    private void ended(OperationStep step, Runnable end) {
        boolean running = step.getStarted() != null && step.getFinished() == null;
        end.run();
        if (!running) {
            return;
        }
        Optional<TaskKind> kind = tasks.findById(step.getTaskId()).map(Task::getKind);
        if (kind.isEmpty()) {
            return;
        }
        String name = step.getName();
        Duration took = Duration.between(step.getStarted(), step.getFinished());
        Runnable record = () -> meters.stepTook(kind.get(), name, took);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }

    private static Optional<OperationStep> named(List<OperationStep> rows, String name) {
        return rows.stream().filter(step -> step.getName().equals(name)).findFirst();
    }
}
