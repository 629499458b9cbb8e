package dev.shoal.domain.backup;

import java.util.Set;

/** Trove's backup states. */
public enum BackupState {
    /** Asked for; the task manager has not started the dump yet. */
    NEW,
    /** The instance's guest is writing the dump. */
    BUILDING,
    /** In the backup store with its size and checksum; instances can be restored from it. */
    COMPLETED,
    /** The dump failed; nothing of it is left in the store. */
    FAILED,
    /** Removing the file from the store failed; deleting it can be asked again. */
    DELETE_FAILED;

    private static final Set<BackupState> RUNNING = Set.of(NEW, BUILDING);

    public boolean isRunning() {
        return RUNNING.contains(this);
    }
}
