package dev.shoal.taskmanager.task;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.util.List;

/** A workflow given as its kind, a flat list of steps, and what a failure leaves behind. */
public final class StepListWorkflow implements Workflow {

    private final TaskKind kind;
    private final List<Step> steps;
    private final NodeTask timeoutError;
    private final FailureHandler onFailure;

    public StepListWorkflow(TaskKind kind, NodeTask timeoutError, FailureHandler onFailure, Step... steps) {
        this.kind = kind;
        this.steps = List.of(steps);
        this.timeoutError = timeoutError;
        this.onFailure = onFailure;
    }

    @Override
    public TaskKind kind() {
        return kind;
    }

    @Override
    public List<Step> steps() {
        return steps;
    }

    @Override
    public NodeTask timeoutError() {
        return timeoutError;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        onFailure.handle(task, errorTask == null ? timeoutError : errorTask, reason);
    }

    @FunctionalInterface
    public interface FailureHandler {
        void handle(Task task, NodeTask errorTask, String reason);
    }
}
