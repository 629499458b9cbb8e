package dev.shoal.taskmanager.task;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.util.List;
import java.util.Set;

/** A long-running change as a flat list of named, re-runnable steps (each safe to run again after a crash). */
public interface Workflow {

    TaskKind kind();

    List<Step> steps();

    /** The error task a node is left in when this workflow runs past its deadline. */
    NodeTask timeoutError();

    /**
     * Records a failure on the resources the task works on and undoes what the task added, in the transaction that
     * fails the task. It runs as a step does: what it asks of guests and the compute driver it waits for holding no
     * transaction, and it may run again until it ends (a crash, an answer awaited).
     */
    void onFailure(Task task, NodeTask errorTask, String reason);

    /** The steps at which the task may be cancelled: those before its point of no return; none when it cannot be. */
    default Set<String> cancellableSteps() {
        return Set.of();
    }

    /** The steps at which this task may be cancelled: the kind's, unless what the task found as it began rules it out. */
    default Set<String> cancellableSteps(Task task) {
        return cancellableSteps();
    }

    /**
     * Undoes what a task cancelled at one of its cancellable steps added, so its resources are as before it began (a
     * resource it was creating is gone). It runs as {@link #onFailure} does.
     */
    default void onCancel(Task task) {
    }

    /**
     * @param name     persisted in the task row; a resumed task continues at the step of this name
     * @param progress percentage reached once this step is done
     */
    record Step(String name, int progress, String description, StepAction action) {
    }

    @FunctionalInterface
    interface StepAction {
        StepOutcome run(Task task) throws Exception;
    }

    enum StepOutcome {
        DONE,
        /** Not there yet: run the step again after the poll interval, unless the deadline has passed. */
        WAIT,
        /** Another task took over the resource (a delete during a build): this one ends without failing. */
        SUPERSEDED
    }
}
