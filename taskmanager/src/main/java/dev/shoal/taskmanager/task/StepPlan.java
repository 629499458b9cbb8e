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
