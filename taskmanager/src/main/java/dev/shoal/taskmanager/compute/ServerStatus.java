package dev.shoal.taskmanager.compute;

public enum ServerStatus {
    ACTIVE,
    /** The platform is still placing the node or starting its guest: neither running nor given up. */
    BUILD,
    SHUTOFF,
    UNKNOWN
}
