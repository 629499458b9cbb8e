package dev.shoal.datastores.mongodb;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.datastore.control.ClusterChange;
import dev.shoal.datastore.control.ClusterFailure;
import dev.shoal.datastore.control.ClusterNode;
import dev.shoal.datastore.control.ClusterStrategy;
import dev.shoal.datastore.control.GuestCalls;
import dev.shoal.datastore.control.MembershipCheck;
import java.util.List;
import java.util.Map;

/**
 * A MongoDB replica set: every member starts at once; the first data-bearing node initiates the set with the
 * others (arbiters as arbiters); later changes are reconfigurations sent to the primary. Formed when the set
 * reports one primary and every member healthy.
 */
final class MongoStrategy implements ClusterStrategy {

    private final GuestCalls guests;

    MongoStrategy(GuestCalls guests) {
        this.guests = guests;
    }

    /** A new set is initiated by its first data-bearing member; an existing one grows through its primary. */
    @Override
    public void join(ClusterChange change) throws ClusterFailure {
        if (change.existing().isEmpty()) {
            ClusterNode first = dataMembers(change.added()).get(0);
            call(first, MessageTypes.ADD_MEMBERS, entries(change.added().stream()
                    .filter(node -> !node.id().equals(first.id())).toList()), change);
        } else {
            call(primary(change), MessageTypes.ADD_MEMBERS, entries(change.added()), change);
        }
    }

    /** Once formed, the members' roles are what the set's election made them. */
    @Override
    public boolean formed(ClusterChange change) throws ClusterFailure {
        ClusterNode primary = primary(change);
        ClusterStatus status = status(primary, change);
        if (MembershipCheck.disagreement(change.members().stream().map(ClusterNode::ip).toList(), status, true)
                .isPresent()) {
            return false;
        }
        change.members().forEach(node -> node.takeRole(ClusterMember.TYPE_ARBITER.equals(node.type())
                ? Role.ARBITER : node.id().equals(primary.id()) ? Role.PRIMARY : Role.SECONDARY));
        return true;
    }

    @Override
    public void leave(ClusterChange change, ClusterNode leaving) throws ClusterFailure {
        call(primary(change), MessageTypes.REMOVE_MEMBERS, entries(List.of(leaving)), change);
    }

    @Override
    public void retireReplaced(ClusterChange change, ClusterNode old) throws ClusterFailure {
        leave(change, old);
    }

    /** The member the set itself names primary, asked of its data-bearing members in turn. */
    private ClusterNode primary(ClusterChange change) throws ClusterFailure {
        for (ClusterNode candidate : dataMembers(change.existing().isEmpty() ? change.members() : change.existing())) {
            ClusterStatus status = status(candidate, change);
            for (ClusterStatus.Member member : status.members()) {
                if (MembershipCheck.PRIMARY.equals(member.state())) {
                    return change.members().stream().filter(node -> member.address().equals(node.ip()))
                            .findFirst().orElse(candidate);
                }
            }
        }
        throw new ClusterFailure(ClusterFailure.Kind.MEMBERSHIP, "the replica set reports no primary");
    }

    private ClusterStatus status(ClusterNode node, ClusterChange change) {
        return guests.call(node, MessageTypes.GET_CLUSTER_STATUS, Map.of(), ClusterStatus.class,
                change.correlationId(), GuestCalls.Wait.SHORT);
    }

    private void call(ClusterNode node, String type, ClusterMembers members, ClusterChange change) {
        guests.call(node, type, members, change.correlationId(), GuestCalls.Wait.LONG);
    }

    private static ClusterMembers entries(List<ClusterNode> nodes) {
        return new ClusterMembers(nodes.stream().map(node -> new ClusterMembers.Entry(node.ip(), node.type()))
                .toList());
    }

    private static List<ClusterNode> dataMembers(List<ClusterNode> nodes) {
        return nodes.stream().filter(node -> !ClusterMember.TYPE_ARBITER.equals(node.type())).toList();
    }
}
