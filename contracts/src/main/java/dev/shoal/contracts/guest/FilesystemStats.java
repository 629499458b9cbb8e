package dev.shoal.contracts.guest;

/** Volume usage of a node's data directory. */
public record FilesystemStats(long usedBytes, long totalBytes) {
}
