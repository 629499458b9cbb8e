package dev.shoal.guest.spi;

import dev.shoal.contracts.guest.StoredBackup;

/** Trove's backups: written into the deployment's backup store, restored by a prepare that names one. */
public interface Backups {

    /**
     * Trove's {@code create_backup}: writes the datastore's backup of this id into the backup store, or answers the
     * one already written. A backup that fails leaves nothing in the store.
     */
    StoredBackup createBackup(String backupId) throws Exception;

    /** Removes whatever this node wrote for the backup; one that is not there is already removed. */
    void deleteBackup(String backupId) throws Exception;
}
