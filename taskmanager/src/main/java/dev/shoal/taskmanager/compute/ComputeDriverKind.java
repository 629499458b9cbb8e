package dev.shoal.taskmanager.compute;

/** Where nodes run ({@code shoal.compute.driver}). */
public enum ComputeDriverKind {
    /** Each node is a guest agent process on this host, on a loopback address of its own. */
    LOCAL,
    /** Each node is a Pod in a Kubernetes namespace ({@code shoal.compute.kubernetes.*}). */
    KUBERNETES
}
