package dev.shoal.taskmanager.task;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.util.List;

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
