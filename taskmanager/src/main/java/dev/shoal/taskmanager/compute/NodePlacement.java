package dev.shoal.taskmanager.compute;

public record NodePlacement(String computeInstanceId, String address, String hostname) {
}
