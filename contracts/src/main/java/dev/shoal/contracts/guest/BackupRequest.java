package dev.shoal.contracts.guest;

/** Asks a node to write (Trove's {@code create_backup}), or to remove, the backup of this id in the backup store. */
public record BackupRequest(String backupId) {
}
