package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepFailure;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A MongoDB replica set: every member starts at once; the first data-bearing node initiates the set with the
 * others (arbiters as arbiters); later changes are reconfigurations sent to the primary. Formed when the set
 * reports one primary and every member healthy.
 */
@Component
class MongoStrategy implements ClusterStrategy {

    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final Clock clock;

    MongoStrategy(GuestClient guests, MessageCodec codec, TaskManagerProperties properties, Clock clock) {
        this.clock = clock;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public String manager() {
        return "mongodb";
    }

    /** A new set is initiated by its first data-bearing member; an existing one grows through its primary. */
    @Override
    public void join(ClusterContext context) throws StepFailure {
        if (context.existing().isEmpty()) {
            Node first = dataMembers(context.added()).get(0);
            call(first, MessageTypes.ADD_MEMBERS, entries(context.added().stream()
                    .filter(node -> !node.getId().equals(first.getId())).toList()), context);
        } else {
            call(primary(context), MessageTypes.ADD_MEMBERS, entries(context.added()), context);
        }
    }

    /** Once formed, the members' roles are what the set's election made them. */
    @Override
    public boolean formed(ClusterContext context) throws StepFailure {
        Node primary = primary(context);
        ClusterStatus status = status(primary, context);
        if (MembershipCheck.disagreement(context.members().stream().map(Node::getIp).toList(), status, true)
                .isPresent()) {
            return false;
        }
        context.members().forEach(node -> node.takeRole(ClusterMember.TYPE_ARBITER.equals(node.getType())
                ? Role.ARBITER : node.getId().equals(primary.getId()) ? Role.PRIMARY : Role.SECONDARY,
                clock.instant()));
        return true;
    }

    @Override
    public void leave(ClusterContext context, Node leaving) throws StepFailure {
        call(primary(context), MessageTypes.REMOVE_MEMBERS, entries(List.of(leaving)), context);
    }

    @Override
    public void retireReplaced(ClusterContext context, Node old) throws StepFailure {
        leave(context, old);
    }

    /** The member the set itself names primary, asked of its data-bearing members in turn. */
    private Node primary(ClusterContext context) throws StepFailure {
        for (Node candidate : dataMembers(context.existing().isEmpty() ? context.members() : context.existing())) {
            ClusterStatus status = status(candidate, context);
            for (ClusterStatus.Member member : status.members()) {
                if (MembershipCheck.PRIMARY.equals(member.state())) {
                    return context.members().stream().filter(node -> member.address().equals(node.getIp()))
                            .findFirst().orElse(candidate);
                }
            }
        }
        throw new StepFailure(NodeTask.GROWING_ERROR, "the replica set reports no primary");
    }

    private ClusterStatus status(Node node, ClusterContext context) {
        return codec.mapper().treeToValue(guests.call(node, MessageTypes.GET_CLUSTER_STATUS, Map.of(),
                context.correlationId(), properties.guestCallTimeoutLow()).result(), ClusterStatus.class);
    }

    private void call(Node node, String type, ClusterMembers members, ClusterContext context) {
        guests.call(node, type, members, context.correlationId(), properties.guestCallTimeoutHigh());
    }

    private static ClusterMembers entries(List<Node> nodes) {
        return new ClusterMembers(nodes.stream().map(node -> new ClusterMembers.Entry(node.getIp(), node.getType()))
                .toList());
    }

    private static List<Node> dataMembers(List<Node> nodes) {
        return nodes.stream().filter(node -> !ClusterMember.TYPE_ARBITER.equals(node.getType())).toList();
    }
}
