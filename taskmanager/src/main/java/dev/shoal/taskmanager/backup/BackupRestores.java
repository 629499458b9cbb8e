package dev.shoal.taskmanager.backup;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.BackupContents;
import dev.shoal.domain.backup.BackupRepository;
import dev.shoal.domain.backup.BackupState;
import dev.shoal.domain.backup.RestoreParameters;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.taskmanager.task.StepFailure;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An instance built from a backup (Trove's {@code restorePoint}): the API names the backup in the create task's
 * parameters; the node loads its file when prepared, and the instance holds its databases and users once built.
 */
@Component
public class BackupRestores {

    private final BackupRepository backups;
    private final BackupAccounts accounts;
    private final MessageCodec codec;

    BackupRestores(BackupRepository backups, BackupAccounts accounts, MessageCodec codec) {
        this.backups = backups;
        this.accounts = accounts;
        this.codec = codec;
    }

    /**
     * @return what the node loads when the task builds an instance from a backup, or empty
     * @throws StepFailure when the backup is no longer there to load
     */
    public Optional<RestorePoint> restorePoint(Task task) throws StepFailure {
        Optional<UUID> named = backupNamed(task);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Backup found = backups.findById(named.get()).filter(backup -> !backup.isDeleted())
                .filter(backup -> backup.getState() == BackupState.COMPLETED)
                .orElseThrow(() -> new StepFailure(NodeTask.BUILDING_ERROR_GUEST, "backup " + named.get()
                        + " is no longer there to restore from"));
        return Optional.of(new RestorePoint(found.getId().toString(), found.getLocation().orElseThrow(),
                found.getChecksum().orElseThrow()));
    }

    /** Once the data is in, the instance lists the databases and users that came with it. */
    public void restoreAccounts(Task task) {
        backupNamed(task).flatMap(backups::findById).flatMap(Backup::getContents).ifPresent(contents ->
                accounts.restore(task.getResourceId(), codec.mapper().readValue(contents, BackupContents.class)));
    }

    private Optional<UUID> backupNamed(Task task) {
        if (task.getParameters() == null || task.getParameters().isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(codec.mapper().readValue(task.getParameters(), RestoreParameters.class)
                .restoreFrom());
    }
}
