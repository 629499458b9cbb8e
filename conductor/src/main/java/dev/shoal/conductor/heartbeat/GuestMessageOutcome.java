package dev.shoal.conductor.heartbeat;

import java.util.Locale;

/** What became of one guest message; counted per type so a flood of drops is visible. */
public enum GuestMessageOutcome {
    /** Written at once: the node's service status changed, or the conductor heard from the node first. */
    APPLIED,
    /**
     * A heartbeat that changed nothing others read as the node's state: remembered, and written with the others'
     * within the flush interval.
     */
    COALESCED,
    /** Accepted and recorded as seen, with nothing to change (e.g. a successful report). */
    RECORDED,
    /** Unknown or deleted node, or a signature that does not verify. */
    REJECTED,
    /** Delivered before: a heartbeat sent exactly when the last accepted one was, or a report id processed before. */
    DUPLICATE,
    /** Sent before something already accepted from the same node. */
    OUT_OF_ORDER,
    /** Signed by a live node but of a type the conductor does not handle. */
    UNKNOWN_TYPE,
    /** Signed by a live node but of a wire version the conductor does not read (a guest newer than it). */
    UNSUPPORTED_VERSION;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
