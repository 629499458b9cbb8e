package dev.shoal.taskmanager.backup;

import java.io.IOException;

/**
 * Where backups are kept (Trove's Swift container). Guests write into it; the task manager removes what a deleted
 * backup left there, whether or not its instance is still around.
 */
public interface BackupStore {

    /** Removes the backup at {@code location}; one that is not there is already removed. */
    void delete(String location) throws IOException;
}
