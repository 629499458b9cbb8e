package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.task.StepFailure;
import java.util.List;

/**
 * How one datastore forms a cluster, Trove's per-datastore cluster strategy: the order and settings new nodes start
 * with, how they join, how the datastore itself reports the membership complete, and how a node leaves.
 */
interface ClusterStrategy {

    String manager();

    /** New nodes in the order they start, each with its place in the cluster: by default all at once. */
    default List<Start> startPlan(ClusterContext context) {
        return allAtOnce(context);
    }

    /** True when each node must run before the next is prepared (Cassandra's ring joins). */
    default boolean startsOneAtATime() {
        return false;
    }

    /**
     * Whether the next node may start after {@code running} (one-at-a-time strategies): Cassandra refuses to
     * bootstrap a node while another one is still joining or leaving in some node's view.
     */
    default boolean settled(ClusterContext context, List<Node> running) throws StepFailure {
        return true;
    }

    /** Makes running new nodes members (initiate or reconfigure a replica set, attach replicas). */
    default void join(ClusterContext context) throws StepFailure {
    }

    /** True once the datastore itself reports exactly {@link ClusterContext#members()}, all healthy. */
    boolean formed(ClusterContext context) throws StepFailure;

    /** Before a node is removed: hand its data over and take it out of the membership. */
    default void leave(ClusterContext context, Node leaving) throws StepFailure {
    }

    /** Before the replacement starts: what the old node must stop doing first. */
    default void beforeReplacing(ClusterContext context, Node old) {
    }

    /** After the replacement runs: take the old node out of the membership. */
    default void retireReplaced(ClusterContext context, Node old) throws StepFailure {
    }

    record Start(Node node, ClusterMember member) {
    }

    /** Every new node at once, knowing only its cluster, type and region. */
    static List<Start> allAtOnce(ClusterContext context) {
        return context.added().stream().map(node -> new Start(node, new ClusterMember(
                context.cluster().getId().toString(), node.getType(), node.getRegion(), List.of(), null))).toList();
    }
}
