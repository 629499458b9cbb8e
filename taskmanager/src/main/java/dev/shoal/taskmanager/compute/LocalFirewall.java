package dev.shoal.taskmanager.compute;

/** How the local driver keeps nodes' firewalls on this host. */
interface LocalFirewall {

    FirewallReport apply(NodeFirewall firewall) throws ComputeException;

    /** Removes whatever the node's firewall holds, its isolation too; nothing to remove is no error. */
    void remove(String nodeId) throws ComputeException;

    /** Drops every packet to the node's address, as if its host were gone; isolating it again changes nothing. */
    void isolate(String nodeId, String address) throws ComputeException;

    /** Undoes {@link #isolate}; a node that is not isolated is left as it is. */
    void reconnect(String nodeId) throws ComputeException;
}
