package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.OperationStepRepository;
import org.springframework.stereotype.Component;

/**
 * What a running step shows on its operation beside its times, written in the step's own transaction: a step that
 * waits again rolls it back and notes it afresh in the run that ends it.
 */
@Component
public class StepNotes {

    private final OperationStepRepository steps;

    StepNotes(OperationStepRepository steps) {
        this.steps = steps;
    }

    /** Nothing outside a step, and nothing on a task from before steps were recorded. */
    public void note(String message) {
        RunningStep.current().ifPresent(step -> steps.findAllByTaskIdOrderByPosition(step.taskId()).stream()
                .filter(row -> row.getName().equals(step.stepName())).findFirst()
                .ifPresent(row -> row.note(message)));
    }
}
