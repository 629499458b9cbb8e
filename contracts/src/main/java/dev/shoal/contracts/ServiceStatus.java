package dev.shoal.contracts;

/** What a guest agent says of its datastore, as in Trove's service status. */
public enum ServiceStatus {
    NEW,
    BUILD,
    /** Datastore answers queries; users see ACTIVE. */
    RUNNING,
    BLOCKED,
    SHUTDOWN,
    CRASHED,
    FAILED,
    RESTART_REQUIRED,
    UNKNOWN
}
