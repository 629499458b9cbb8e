package dev.shoal.api.operation;

import dev.shoal.api.system.ApiException;
import dev.shoal.domain.task.OperationStep;
import dev.shoal.domain.task.OperationStepRepository;
import dev.shoal.contracts.task.DeleteParameters;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a task to stop: the task manager takes the request at the task's next safe point (between steps, or while a
 * step waits) and undoes what the task added. Refused, naming why, when the task ended, failed and is undoing, or
 * went past its point of no return; a race with that point is settled by the task manager, which carries on.
 */
@Component
class OperationCancels {

    private final TaskRepository tasks;
    private final OperationStepRepository steps;
    private final OperationQueries operations;
    private final JsonMapper json;

    OperationCancels(TaskRepository tasks, OperationStepRepository steps, OperationQueries operations,
                     JsonMapper json) {
        this.tasks = tasks;
        this.json = json;
        this.steps = steps;
        this.operations = operations;
    }

    @Transactional
    OperationView cancel(String tenantId, UUID id) {
        // the task manager takes the row too as it moves to the next step: the step read here is the one that runs
        Task task = tasks.findForUpdate(id).filter(found -> tenantId.equals(found.getTenantId()))
                .orElseThrow(() -> ApiException.notFound("operation " + id));
        if (task.getState().isFinished()) {
            throw ApiException.conflict("operation " + id + " already ended: "
                    + OperationState.of(task).name());
        }
        if (!task.getKind().isCancellable()) {
            throw ApiException.conflict(task.getKind() + " operations cannot be cancelled");
        }
        stoppedOperations(task).ifPresent(stopped -> {
            throw ApiException.conflict("operation " + id + " stopped " + stopped + " on its " + task.getResourceType()
                    + " as it began, which cannot be resumed: it cannot be cancelled");
        });
        if (task.isUndoing() && !task.isCancelling()) {
            throw ApiException.conflict("operation " + id + " failed and is undoing what it did");
        }
        pastPointOfNoReturn(steps.findAllByTaskIdOrderByPosition(id)).ifPresent(step -> {
            throw ApiException.conflict("operation " + id + " is past its point of no return: it is at step "
                    + step.getName() + " (" + step.getDescription() + ")");
        });
        if (tasks.requestCancel(id) == 0) {
            throw ApiException.conflict("operation " + id + " ended or failed meanwhile");
        }
        return operations.show(tenantId, id);
    }

    /** The operations a delete stopped as it began, when it stopped any. */
    private Optional<List<UUID>> stoppedOperations(Task task) {
        if (task.getKind() != TaskKind.DELETE_INSTANCE || task.getParameters() == null) {
            return Optional.empty();
        }
        DeleteParameters parameters = json.readValue(task.getParameters(), DeleteParameters.class);
        return parameters.stoppedAny() ? Optional.of(parameters.stoppedOperations()) : Optional.empty();
    }

    /** The running step, when the task may no longer be cancelled there; none for a task not yet taken up. */
    private static Optional<OperationStep> pastPointOfNoReturn(List<OperationStep> planned) {
        return planned.stream().filter(step -> step.getState() == OperationStep.State.RUNNING && !step.isUndo())
                .filter(step -> !step.isCancellable()).findFirst();
    }
}
