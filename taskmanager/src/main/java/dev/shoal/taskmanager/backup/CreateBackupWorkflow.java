package dev.shoal.taskmanager.backup;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.BackupRequest;
import dev.shoal.contracts.guest.StoredBackup;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.BackupState;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trove's backup: the instance's guest writes the dump into the backup store ({@code create_backup}), and the
 * backup records where it lies, its size and checksum, and the accounts it holds. The instance shows BACKUP
 * meanwhile and serves on whatever the outcome; a failed backup is FAILED with the reason, its file gone.
 */
@Component
class CreateBackupWorkflow implements Workflow {

    private static final Logger log = LoggerFactory.getLogger(CreateBackupWorkflow.class);

    private final BackupTargets targets;
    private final BackupAccounts accounts;
    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final Clock clock;

    CreateBackupWorkflow(BackupTargets targets, BackupAccounts accounts, GuestClient guests, MessageCodec codec,
                         TaskManagerProperties properties, Clock clock) {
        this.targets = targets;
        this.accounts = accounts;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CREATE_BACKUP;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("MARK_BUILDING", 5, "Starting the backup", this::start),
                new Step("DUMP", 100, "Writing the backup", this::dump));
    }

    /** A backup past its deadline fails the backup, not the instance. */
    @Override
    public NodeTask timeoutError() {
        return null;
    }

    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        Backup backup = targets.backup(task);
        if (backup.getState() != BackupState.COMPLETED) {
            backup.failed(reason, clock.instant());
        }
        Node node = targets.node(backup);
        finishOn(node, backup);
        removeLeftovers(node, backup, task);
    }

    private StepOutcome start(Task task) throws StepFailure {
        Backup backup = targets.backup(task);
        Node node = targets.node(backup);
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING || node.secret().isEmpty()) {
            throw new StepFailure(null, "instance " + backup.getInstanceId() + " is gone");
        }
        backup.building(clock.instant());
        return StepOutcome.DONE;
    }

    /** Asked again after a crash, the guest answers the backup it already wrote. */
    private StepOutcome dump(Task task) {
        Backup backup = targets.backup(task);
        if (backup.getState() == BackupState.COMPLETED) {
            return StepOutcome.DONE;
        }
        Node node = targets.node(backup);
        StoredBackup stored = codec.mapper().treeToValue(guests.call(node, MessageTypes.CREATE_BACKUP,
                new BackupRequest(backup.getId().toString()), task.getId().toString(),
                properties.guestCallTimeoutBackup()).result(), StoredBackup.class);
        String contents = codec.mapper().writeValueAsString(accounts.of(targets.instance(backup)));
        backup.completed(stored.location(), stored.size(), stored.checksum(), contents, clock.instant());
        finishOn(node, backup);
        log.info("backup {} of instance {} written to {} ({} bytes)", backup.getId(), backup.getInstanceId(),
                stored.location(), stored.size());
        return StepOutcome.DONE;
    }

    /** The instance serves on; a task that took over meanwhile (a restart asked for) keeps its own. */
    private void finishOn(Node node, Backup backup) {
        if (node.getTask() == NodeTask.BACKING_UP) {
            node.finishTask(clock.instant());
            targets.instance(backup).touch(clock.instant());
        }
    }

    /**
     * A dump the task stopped waiting for may still be running: the guest works through its messages in order, so
     * the removal it is sent runs after it and leaves nothing in the store.
     */
    private void removeLeftovers(Node node, Backup backup, Task task) {
        if (node.isDeleted() || node.secret().isEmpty()) {
            return;
        }
        try {
            guests.cast(node, MessageTypes.DELETE_BACKUP, new BackupRequest(backup.getId().toString()),
                    task.getId().toString());
        } catch (GuestCallException | org.springframework.amqp.AmqpException e) {
            log.warn("backup {}: the guest was not told to remove what it wrote: {}", backup.getId(),
                    e.getMessage());
        }
    }
}
