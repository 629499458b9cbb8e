package dev.shoal.contracts.guest;

/**
 * The backup a new node loads after its datastore first started, before it reports running (Trove's
 * {@code restorePoint} of an instance create).
 *
 * @param location where the backup lies in the backup store, as {@link StoredBackup} gave it
 * @param checksum its SHA-256; a file that does not match is not loaded
 */
public record RestorePoint(String backupId, String location, String checksum) {
}
