package dev.shoal.taskmanager.compute;

/** How the local compute driver treats nodes' security groups. */
public enum FirewallMode {
    /** Rules are recorded and shown as not enforced: a developer's machine is never changed unasked. */
    NONE,
    /** Rules become an iptables chain per node (needs root). */
    IPTABLES
}
