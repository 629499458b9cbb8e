package dev.shoal.taskmanager.task;

import dev.shoal.domain.node.NodeTask;

/** A step found that the task cannot succeed; the node is left in {@code errorTask} with the reason. */
public class StepFailure extends Exception {

    private final transient NodeTask errorTask;

    public StepFailure(NodeTask errorTask, String reason) {
        super(reason);
        this.errorTask = errorTask;
    }

    public NodeTask errorTask() {
        return errorTask;
    }
}
