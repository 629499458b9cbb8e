package dev.shoal.contracts.guest;

/**
 * A backup as the guest wrote it into the backup store.
 *
 * @param location where it lies, as every node of the deployment reaches it
 * @param size     its size in bytes
 * @param checksum the SHA-256 of its bytes, in hex; a restore refuses a file that does not match it
 */
public record StoredBackup(String backupId, String location, long size, String checksum) {
}
