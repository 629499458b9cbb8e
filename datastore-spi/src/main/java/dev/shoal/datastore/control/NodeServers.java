package dev.shoal.datastore.control;

/** What the task manager does to the datastore server a node runs, beside the calls a guest answers. */
public interface NodeServers {

    /** The node's datastore server stops; its guest and data stay. Guest calls' exceptions pass through. */
    void stopDatastore(ClusterNode node, String correlationId);
}
