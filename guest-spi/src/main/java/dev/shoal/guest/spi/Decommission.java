package dev.shoal.guest.spi;

/** A cluster member that hands its data to the others before it goes (a Cassandra node leaving the ring). */
public interface Decommission {

    /** Hands this node's data to the rest of the cluster and leaves it, before the node is destroyed. */
    void decommission() throws Exception;
}
