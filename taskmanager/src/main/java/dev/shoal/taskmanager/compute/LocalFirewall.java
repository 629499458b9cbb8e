package dev.shoal.taskmanager.compute;

/** How the local driver keeps nodes' firewalls on this host. */
interface LocalFirewall {

    FirewallReport apply(NodeFirewall firewall) throws ComputeException;

    /** Removes whatever the node's firewall holds; nothing to remove is no error. */
    void remove(String nodeId) throws ComputeException;
}
