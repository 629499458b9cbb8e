package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.Decommission;
import dev.shoal.domain.node.Node;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.node.NodeBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A Cassandra ring: seeds start first, one at a time, then every other node joins alone (Cassandra refuses
 * concurrent bootstraps); a removed node decommissions, streaming its ranges away; a replacement starts with the
 * dead node's address to take over its tokens. Formed when every node sees every other up and normal.
 */
@Component
class CassandraStrategy implements ClusterStrategy {

    private static final Logger log = LoggerFactory.getLogger(CassandraStrategy.class);

    private final GuestClient guests;
    private final NodeBuilder builder;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final Clock clock;

    CassandraStrategy(GuestClient guests, NodeBuilder builder, MessageCodec codec, TaskManagerProperties properties,
                      Clock clock) {
        this.clock = clock;
        this.guests = guests;
        this.builder = builder;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public String manager() {
        return "cassandra";
    }

    @Override
    public List<Start> startPlan(ClusterContext context) {
        List<Node> existing = context.existing();
        List<Node> seeds = SeedSelector.seeds(existing.isEmpty() ? context.members() : existing);
        List<String> seedAddresses = seeds.stream().map(Node::getIp).toList();
        context.members().forEach(node -> node.takeRole(seeds.contains(node) ? Role.SEED : Role.MEMBER,
                clock.instant()));
        String replaces = context.replaced().map(Node::getIp).orElse(null);
        List<Node> order = new ArrayList<>(context.added().stream().filter(seeds::contains).toList());
        context.added().stream().filter(node -> !seeds.contains(node)).forEach(order::add);
        return order.stream().map(node -> new Start(node, new ClusterMember(context.cluster().getId().toString(),
                node.getType(), node.getRegion(), seedAddresses, replaces))).toList();
    }

    @Override
    public boolean startsOneAtATime() {
        return true;
    }

    @Override
    public boolean formed(ClusterContext context) {
        List<String> expected = context.members().stream().map(Node::getIp).toList();
        for (Node node : context.members()) {
            ClusterStatus status = status(node, context);
            Optional<String> disagreement = MembershipCheck.disagreement(expected, status, false);
            if (disagreement.isPresent()) {
                log.info("cluster {}: node {} does not agree yet: {}", context.cluster().getId(), node.getName(),
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
    public boolean settled(ClusterContext context, List<Node> running) {
        List<String> expected = running.stream().map(Node::getIp).toList();
        for (Node node : running) {
            ClusterStatus status = status(node, context);
            Optional<String> unsettled = MembershipCheck.unsettled(expected, status);
            if (unsettled.isPresent()) {
                log.info("cluster {}: node {} is not settled yet: {}", context.cluster().getId(), node.getName(),
                        unsettled.get());
                return false;
            }
        }
        return true;
    }

    @Override
    public void leave(ClusterContext context, Node leaving) {
        guests.call(leaving, MessageTypes.DECOMMISSION, new Decommission(), context.correlationId(),
                properties.guestCallTimeoutHigh());
    }

    private ClusterStatus status(Node node, ClusterContext context) {
        return codec.mapper().treeToValue(guests.call(node, MessageTypes.GET_CLUSTER_STATUS, Map.of(),
                context.correlationId(), properties.guestCallTimeoutLow()).result(), ClusterStatus.class);
    }

    /** Cassandra takes over a node's tokens only while that node is down. */
    @Override
    public void beforeReplacing(ClusterContext context, Node old) {
        builder.stopDatastore(old, context.correlationId());
    }
}
