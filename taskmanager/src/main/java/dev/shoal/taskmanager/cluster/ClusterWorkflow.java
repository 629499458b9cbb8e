package dev.shoal.taskmanager.cluster;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow;
import java.util.List;

/** A cluster change: its kind, its steps from {@link ClusterSteps}, and what a failure leaves behind. */
final class ClusterWorkflow implements Workflow {

    private final TaskKind kind;
    private final List<Step> steps;
    private final NodeTask timeoutError;
    private final FailureHandler onFailure;

    ClusterWorkflow(TaskKind kind, NodeTask timeoutError, FailureHandler onFailure, Step... steps) {
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
    interface FailureHandler {
        void handle(Task task, NodeTask errorTask, String reason);
    }
}
