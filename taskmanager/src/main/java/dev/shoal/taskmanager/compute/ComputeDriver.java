package dev.shoal.taskmanager.compute;

/**
 * Where nodes run. Implementations are idempotent: provisioning a node that exists returns it, destroying
 * an absent node does nothing, and the status of an unknown node is {@link ServerStatus#UNKNOWN}.
 */
public interface ComputeDriver {

    NodePlacement provision(NodeSpec spec) throws ComputeException;

    ServerStatus status(String nodeId);

    void destroy(String nodeId) throws ComputeException;
}
