package dev.shoal.taskmanager.compute;

public enum ServerStatus {
    ACTIVE,
    SHUTOFF,
    UNKNOWN
}
