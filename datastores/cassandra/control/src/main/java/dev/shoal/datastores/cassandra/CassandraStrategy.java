package dev.shoal.datastores.cassandra;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.Decommission;
import dev.shoal.datastore.control.ClusterChange;
import dev.shoal.datastore.control.ClusterNode;
import dev.shoal.datastore.control.ClusterStrategy;
import dev.shoal.datastore.control.GuestCalls;
import dev.shoal.datastore.control.MembershipCheck;
import dev.shoal.datastore.control.NodeServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Cassandra ring: seeds start first, one at a time, then every other node joins alone (Cassandra refuses
 * concurrent bootstraps); a removed node decommissions, streaming its ranges away; a replacement starts with the
 * dead node's address to take over its tokens. Formed when every node sees every other up and normal.
 */
final class CassandraStrategy implements ClusterStrategy {

    private static final Logger log = LoggerFactory.getLogger(CassandraStrategy.class);

    private final GuestCalls guests;
    private final NodeServers servers;

    CassandraStrategy(GuestCalls guests, NodeServers servers) {
        this.guests = guests;
        this.servers = servers;
    }

    @Override
    public List<Start> startPlan(ClusterChange change) {
        List<ClusterNode> existing = change.existing();
        List<ClusterNode> seeds = SeedSelector.seeds(existing.isEmpty() ? change.members() : existing);
        List<String> seedAddresses = seeds.stream().map(ClusterNode::ip).toList();
        change.members().forEach(node -> node.takeRole(seeds.contains(node) ? Role.SEED : Role.MEMBER));
        String replaces = change.replaced().map(ClusterNode::ip).orElse(null);
        List<ClusterNode> order = new ArrayList<>(change.added().stream().filter(seeds::contains).toList());
        change.added().stream().filter(node -> !seeds.contains(node)).forEach(order::add);
        return order.stream().map(node -> new Start(node, new ClusterMember(change.clusterId(), node.type(),
                node.region(), seedAddresses, replaces))).toList();
    }

    @Override
    public boolean startsOneAtATime() {
        return true;
    }

    @Override
    public boolean formed(ClusterChange change) {
        List<String> expected = change.members().stream().map(ClusterNode::ip).toList();
        for (ClusterNode node : change.members()) {
            ClusterStatus status = status(node, change);
            Optional<String> disagreement = MembershipCheck.disagreement(expected, status, false);
            if (disagreement.isPresent()) {
                log.info("cluster {}: node {} does not agree yet: {}", change.clusterId(), node.name(),
                        disagreement.get());
                return false;
            }
        }
        return true;
    }

    /**
     * Every running node sees every other up and normal, and nobody joining, leaving or moving; a node that is
     * down (one being replaced) may stay in the ring meanwhile.
     */
    @Override
    public boolean settled(ClusterChange change, List<ClusterNode> running) {
        List<String> expected = running.stream().map(ClusterNode::ip).toList();
        for (ClusterNode node : running) {
            ClusterStatus status = status(node, change);
            Optional<String> unsettled = MembershipCheck.unsettled(expected, status);
            if (unsettled.isPresent()) {
                log.info("cluster {}: node {} is not settled yet: {}", change.clusterId(), node.name(),
                        unsettled.get());
                return false;
            }
        }
        return true;
    }

    @Override
    public void leave(ClusterChange change, ClusterNode leaving) {
        guests.call(leaving, MessageTypes.DECOMMISSION, new Decommission(), change.correlationId(),
                GuestCalls.Wait.LONG);
    }

    private ClusterStatus status(ClusterNode node, ClusterChange change) {
        return guests.call(node, MessageTypes.GET_CLUSTER_STATUS, Map.of(), ClusterStatus.class,
                change.correlationId(), GuestCalls.Wait.SHORT);
    }

    /** Cassandra takes over a node's tokens only while that node is down. */
    @Override
    public void beforeReplacing(ClusterChange change, ClusterNode old) {
        servers.stopDatastore(old, change.correlationId());
    }
}
