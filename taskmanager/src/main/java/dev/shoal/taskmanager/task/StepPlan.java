package dev.shoal.taskmanager.task;

import java.util.List;
import java.util.Optional;

/** Where a task stands in its workflow: the step its row names, and the one after it. */
record StepPlan(List<Workflow.Step> steps) {

    StepPlan {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a workflow needs at least one step");
        }
        steps = List.copyOf(steps);
        if (steps.stream().anyMatch(step -> step.name().equals(dev.shoal.domain.task.Task.FIRST_STEP))) {
            throw new IllegalArgumentException("no step may be named " + dev.shoal.domain.task.Task.FIRST_STEP
                    + ": a new task names it before it runs its first step");
        }
        if (steps.stream().map(Workflow.Step::name).distinct().count() != steps.size()) {
            throw new IllegalArgumentException("step names repeat in " + steps.stream().map(Workflow.Step::name)
                    .toList() + ": a resumed task would not know where it stood");
        }
    }

    /** A task that has not started (or names a step this version does not know) begins at the first step. */
    Workflow.Step current(String stepName) {
        return steps.get(indexOf(stepName));
    }

    Optional<Workflow.Step> after(String stepName) {
        int next = indexOf(stepName) + 1;
        return next < steps.size() ? Optional.of(steps.get(next)) : Optional.empty();
    }

    private int indexOf(String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }
}
