package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.Task;

/**
 * What a step's action ends in, sorted: a wait for a guest's answer, an outage of the database or the broker (the
 * task waits and runs again), or a failure of the step (the task fails with its reason).
 */
final class StepActions {

    private StepActions() {
    }

    static Workflow.StepOutcome act(Workflow.Step step, Task task) {
        try {
            return step.action().run(task);
        } catch (AwaitingAnswer waiting) {
            throw waiting;
        } catch (StepFailure failure) {
            throw new StepFailed(failure);
        } catch (Exception e) {
            if (Outages.isOutage(e)) {
                throw e instanceof RuntimeException outage ? outage : new Outages.OutageDuringStep(e);
            }
            String reason = step.description() + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            throw new StepFailed(new StepFailure(null, reason));
        }
    }

    /** Carries a step's failure out of the transaction, which it rolls back. */
    static final class StepFailed extends RuntimeException {
        final transient StepFailure failure;

        StepFailed(StepFailure failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
