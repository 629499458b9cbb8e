package dev.shoal.contracts.guest;

/**
 * Trove's {@code resize_fs}: the node's volume has grown to {@code volumeSizeGb}; the guest reports usage against it
 * from now on. A volume never shrinks.
 */
public record ResizeFs(int volumeSizeGb) {
}
