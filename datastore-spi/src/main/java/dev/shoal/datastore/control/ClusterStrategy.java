package dev.shoal.datastore.control;

import dev.shoal.contracts.guest.ClusterMember;
import java.util.List;

/**
 * How one datastore forms a cluster, Trove's per-datastore cluster strategy: the order and settings new nodes start
 * with, how they join, how the datastore itself reports the membership complete, and how a node leaves. A datastore
 * offers one through {@link dev.shoal.datastore.Datastore#clusterStrategy(ClusterPorts)}.
 *
 * <p>Each method runs inside one step of the change and may run again (after a crash, or once a guest's answer is
 * in): it reads what it needs afresh and lets the unchecked exceptions of the ports through, since one of them tells
 * the task manager the step waits for an answer. Roles a method gives nodes are written with the step.
 */
public interface ClusterStrategy {

    /** New nodes in the order they start, each with its place in the cluster: by default all at once. */
    default List<Start> startPlan(ClusterChange change) {
        return allAtOnce(change);
    }

    /** True when each node must run before the next is prepared (Cassandra's ring joins). */
    default boolean startsOneAtATime() {
        return false;
    }

    /**
     * Whether the next node may start after {@code running} (one-at-a-time strategies): Cassandra refuses to
     * bootstrap a node while another one is still joining or leaving in some node's view.
     */
    default boolean settled(ClusterChange change, List<ClusterNode> running) throws ClusterFailure {
        return true;
    }

    /** Makes running new nodes members (initiate or reconfigure a replica set, attach replicas). */
    default void join(ClusterChange change) throws ClusterFailure {
    }

    /** True once the datastore itself reports exactly {@link ClusterChange#members()}, all healthy. */
    boolean formed(ClusterChange change) throws ClusterFailure;

    /** Before a node is removed: hand its data over and take it out of the membership. */
    default void leave(ClusterChange change, ClusterNode leaving) throws ClusterFailure {
    }

    /** Before the replacement starts: what the old node must stop doing first. */
    default void beforeReplacing(ClusterChange change, ClusterNode old) {
    }

    /** After the replacement runs: take the old node out of the membership. */
    default void retireReplaced(ClusterChange change, ClusterNode old) throws ClusterFailure {
    }

    /** A new node and the place in the cluster it starts with. */
    record Start(ClusterNode node, ClusterMember member) {
    }

    /** Every new node at once, knowing only its cluster, type and region. */
    static List<Start> allAtOnce(ClusterChange change) {
        return change.added().stream().map(node -> new Start(node, new ClusterMember(change.clusterId(),
                node.type(), node.region(), List.of(), null))).toList();
    }
}
