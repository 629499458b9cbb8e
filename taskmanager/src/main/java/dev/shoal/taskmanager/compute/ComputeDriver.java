package dev.shoal.taskmanager.compute;

import dev.shoal.contracts.Role;

/**
 * Where nodes run. Implementations are idempotent: provisioning a node that exists returns it, destroying
 * an absent node does nothing, and the status of an unknown node is {@link ServerStatus#UNKNOWN}.
 */
public interface ComputeDriver {

    NodePlacement provision(NodeSpec spec) throws ComputeException;

    ServerStatus status(String nodeId);

    /**
     * Makes the node's firewall admit exactly these sources (and the host) to its client port, replacing what it
     * admitted before; applying the same firewall again changes nothing. A driver that cannot enforce rules says
     * so in its report instead of pretending.
     */
    FirewallReport applyFirewall(NodeFirewall firewall) throws ComputeException;

    /** Removes everything of the node, its firewall included. */
    void destroy(String nodeId) throws ComputeException;

    /**
     * The node now plays {@code role} in its set or cluster (null: none), as the task manager recorded it: a driver that
     * routes clients by role (the writer address of a set) follows it; one that does not keeps it as bookkeeping.
     * Assigning the role a node already has changes nothing; a node the driver does not know is left alone.
     */
    void assignRole(String nodeId, Role role) throws ComputeException;

    /**
     * The node now belongs to {@code group} (its cluster, or its instance's replication set; a detached replica starts
     * a set of its own): a driver that names and addresses nodes by group moves it there, with its peers' access. A
     * node already in the group, or one the driver does not know, is left alone.
     */
    void assignGroup(String nodeId, String group) throws ComputeException;

    /**
     * The node's volume holds at least {@code sizeGb} from now on, its data kept; the guest grows its filesystem
     * afterwards. A volume is never shrunk.
     */
    void resizeVolume(String nodeId, int sizeGb) throws ComputeException;

    /**
     * Stops every process of the node at once and keeps its data: a fence, for a master being failed over whose guest
     * does not answer. What the driver starts again later (a guest it keeps) must start its server refusing writes.
     */
    void stop(String nodeId) throws ComputeException;
}
