package dev.shoal.api.operation;

import dev.shoal.api.system.Links;
import dev.shoal.domain.task.OperationStep;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskState;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class OperationViews {

    private final Links links;

    OperationViews(Links links) {
        this.links = links;
    }

    /** @param steps the task's recorded steps in order, the undo among them; empty for a task from before */
    OperationView view(Task task, List<OperationStep> steps) {
        List<OperationStep> planned = steps.stream().filter(step -> !step.isUndo()).toList();
        String tenant = task.getTenantId();
        OperationView.Target target = new OperationView.Target(task.getResourceType(), task.getResourceId(),
                links.of(tenant, task.getResourceType() + "s/" + task.getResourceId()));
        OperationView.Progress progress = planned.isEmpty() ? new OperationView.Progress(task.getProgress(), null, null)
                : new OperationView.Progress(task.getProgress(), (int) planned.stream()
                        .filter(step -> step.getState() == OperationStep.State.DONE).count(), planned.size());
        OperationView.Error error = task.getState() != TaskState.FAILED ? null : OperationErrors.of(task.getKind(),
                task.getResourceType(), task.getError(), planned.stream()
                        .filter(step -> step.getState() == OperationStep.State.FAILED).map(OperationStep::getName)
                        .findFirst().orElse(task.getStep()));
        return new OperationView(task.getId(), task.getKind().name(), target,
                OperationState.of(task).name(), steps.stream().map(OperationViews::step).toList(),
                progress, time(task.getCreated()), time(task.getStarted()), time(task.getDeadline()),
                time(task.getFinishedAt()), task.getRequestedBy(), error,
                links.of(tenant, "operations/" + task.getId()));
    }

    private static OperationView.Step step(OperationStep step) {
        return new OperationView.Step(step.getName(), step.getDescription(), step.getState().name(),
                time(step.getStarted()), time(step.getFinished()), step.getMessage());
    }

    private static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
