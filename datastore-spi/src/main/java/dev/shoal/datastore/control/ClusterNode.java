package dev.shoal.datastore.control;

import dev.shoal.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A node of a cluster as a strategy sees it. Two views of the same node within one step are equal.
 *
 * @see ClusterChange
 */
public interface ClusterNode {

    UUID id();

    String name();

    /** Its address, which the datastore reports its members by; null before one is allocated. */
    String ip();

    /** Its node type, one of the descriptor's (a member, an arbiter). */
    String type();

    String region();

    Instant created();

    /** Its part in the cluster; null before it took one. */
    Role role();

    /** Records the node's part in the cluster, written with the step that learnt it. */
    void takeRole(Role role);

    default boolean hasRole(Role wanted) {
        return wanted == role();
    }
}
