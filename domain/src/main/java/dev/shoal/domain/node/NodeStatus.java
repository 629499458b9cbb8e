package dev.shoal.domain.node;

/** The one status users see, derived from a node's task and its guest's service status. */
public enum NodeStatus {
    BUILD,
    ACTIVE,
    ERROR,
    REBOOT,
    RESIZE,
    RESTART_REQUIRED,
    PROMOTE,
    EJECT,
    DETACH,
    UPGRADE,
    BACKUP,
    BLOCKED,
    SHUTDOWN,
    CRASHED,
    FAILED,
    UNKNOWN
}
