package dev.shoal.taskmanager.backup;

import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Removes a backup's file from the backup store, then the backup; its instance need not exist any more. A store
 * that cannot remove it leaves the backup DELETE_FAILED with the reason, to be deleted again.
 */
@Component
class DeleteBackupWorkflow implements Workflow {

    private final BackupTargets targets;
    private final BackupStore store;
    private final Clock clock;

    DeleteBackupWorkflow(BackupTargets targets, BackupStore store, Clock clock) {
        this.targets = targets;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DELETE_BACKUP;
    }

    @Override
    public List<Step> steps() {
        return List.of(new Step("REMOVE", 100, "Removing the backup from the backup store", this::remove));
    }

    @Override
    public NodeTask timeoutError() {
        return null;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        Backup backup = targets.backup(task);
        if (!backup.isDeleted()) {
            backup.deleteFailed(reason, clock.instant());
        }
    }

    private StepOutcome remove(Task task) throws StepFailure {
        Backup backup = targets.backup(task);
        if (backup.isDeleted()) {
            return StepOutcome.DONE;
        }
        Optional<String> location = backup.getLocation();
        if (location.isPresent()) {
            try {
                store.delete(location.get());
            } catch (IOException e) {
                throw new StepFailure(null, "the backup store kept " + location.get() + ": " + e.getMessage());
            }
        }
        backup.markDeleted(clock.instant());
        return StepOutcome.DONE;
    }
}
