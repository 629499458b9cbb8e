package dev.shoal.taskmanager.task;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A workflow given as its kind, a flat list of steps, what a failure leaves behind, and whether it can be cancelled. */
public final class StepListWorkflow implements Workflow {

    private final TaskKind kind;
    private final List<Step> steps;
    private final NodeTask timeoutError;
    private final FailureHandler onFailure;
    private final Set<String> cancellable;
    private final CancelHandler onCancel;

    public StepListWorkflow(TaskKind kind, NodeTask timeoutError, FailureHandler onFailure, Step... steps) {
        this(kind, List.of(steps), timeoutError, onFailure, Set.of(), task -> { });
    }

    private StepListWorkflow(TaskKind kind, List<Step> steps, NodeTask timeoutError, FailureHandler onFailure,
                             Set<String> cancellable, CancelHandler onCancel) {
        this.kind = kind;
        this.steps = steps;
        this.timeoutError = timeoutError;
        this.onFailure = onFailure;
        this.cancellable = cancellable;
        this.onCancel = onCancel;
    }

    /**
     * The same workflow, cancellable at its steps before {@code pointOfNoReturn} (throughout when null).
     *
     * @param onCancel undoes what the task added by the step it was cancelled at
     */
    public StepListWorkflow cancellableBefore(String pointOfNoReturn, CancelHandler onCancel) {
        Set<String> before = new LinkedHashSet<>();
        for (Step step : steps) {
            if (step.name().equals(pointOfNoReturn)) {
                break;
            }
            before.add(step.name());
        }
        if (pointOfNoReturn != null && before.size() == steps.size()) {
            throw new IllegalArgumentException(kind + " has no step " + pointOfNoReturn);
        }
        return new StepListWorkflow(kind, steps, timeoutError, onFailure, Set.copyOf(before), onCancel);
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

    @Override
    public Set<String> cancellableSteps() {
        return cancellable;
    }

    @Override
    public void onCancel(Task task) {
        onCancel.handle(task);
    }

    @FunctionalInterface
    public interface FailureHandler {
        void handle(Task task, NodeTask errorTask, String reason);
    }

    @FunctionalInterface
    public interface CancelHandler {
        void handle(Task task);
    }
}
