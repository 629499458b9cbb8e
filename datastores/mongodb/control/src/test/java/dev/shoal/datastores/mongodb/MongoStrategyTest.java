package dev.shoal.datastores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers;
import dev.shoal.contracts.guest.ClusterStatus;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.datastore.control.ClusterChange;
import dev.shoal.datastore.control.ClusterFailure;
import dev.shoal.datastore.control.ClusterNode;
import dev.shoal.datastore.control.GuestCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MongoStrategyTest {

    private final Guests guests = new Guests();
    private final MongoStrategy strategy = new MongoStrategy(guests);
    private final Node first = new Node("127.0.1.1", ClusterMember.TYPE_MEMBER);
    private final Node second = new Node("127.0.1.2", ClusterMember.TYPE_MEMBER);
    private final Node arbiter = new Node("127.0.1.3", ClusterMember.TYPE_ARBITER);
    private final Change change = new Change(List.of(first, second, arbiter), List.of(first, second, arbiter));

    @Test
    void aNewSetIsInitiatedByItsFirstDataMemberWithTheOthers() throws ClusterFailure {
        strategy.join(change);

        assertThat(guests.sent).containsExactly(MessageTypes.ADD_MEMBERS + " to 127.0.1.1: "
                + List.of(new ClusterMembers.Entry("127.0.1.2", "member"),
                new ClusterMembers.Entry("127.0.1.3", "arbiter")));
    }

    @Test
    void formedWithOnePrimaryGivesEveryMemberTheRoleTheElectionMadeIt() throws ClusterFailure {
        guests.status = new ClusterStatus(List.of(new ClusterStatus.Member("127.0.1.1", "SECONDARY", true),
                new ClusterStatus.Member("127.0.1.2", "PRIMARY", true),
                new ClusterStatus.Member("127.0.1.3", "ARBITER", true)));

        assertThat(strategy.formed(change)).isTrue();

        assertThat(first.role).isEqualTo(Role.SECONDARY);
        assertThat(second.role).isEqualTo(Role.PRIMARY);
        assertThat(arbiter.role).isEqualTo(Role.ARBITER);
    }

    @Test
    void aSetWithoutPrimaryCannotBeChanged() {
        guests.status = new ClusterStatus(List.of(new ClusterStatus.Member("127.0.1.1", "SECONDARY", true)));

        assertThatThrownBy(() -> strategy.formed(change)).isInstanceOf(ClusterFailure.class)
                .hasMessageContaining("no primary");
        assertThat(first.role).isNull();
    }

    private static final class Guests implements GuestCalls {

        private ClusterStatus status = new ClusterStatus(List.of());
        private final List<String> sent = new ArrayList<>();

        @Override
        public <T> T call(ClusterNode node, String type, Object payload, Class<T> answer, String correlationId,
                          Wait wait) {
            assertThat(type).isEqualTo(MessageTypes.GET_CLUSTER_STATUS);
            return answer.cast(status);
        }

        @Override
        public void call(ClusterNode node, String type, Object payload, String correlationId, Wait wait) {
            sent.add(type + " to " + node.ip() + ": " + ((ClusterMembers) payload).members());
        }
    }

    private static final class Node implements ClusterNode {

        private final UUID id = UUID.randomUUID();
        private final String ip;
        private final String type;
        private Role role;

        Node(String ip, String type) {
            this.ip = ip;
            this.type = type;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public String name() {
            return "node-" + ip;
        }

        @Override
        public String ip() {
            return ip;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String region() {
            return "west";
        }

        @Override
        public Instant created() {
            return Instant.EPOCH;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public void takeRole(Role taken) {
            role = taken;
        }
    }

    private record Change(List<ClusterNode> members, List<ClusterNode> added) implements ClusterChange {

        @Override
        public String clusterId() {
            return "c";
        }

        @Override
        public String correlationId() {
            return "task";
        }

        @Override
        public Optional<ClusterNode> replaced() {
            return Optional.empty();
        }

        @Override
        public Optional<ReplicationSnapshot> snapshot() {
            return Optional.empty();
        }

        @Override
        public void rememberSnapshot(ReplicationSnapshot snapshot) {
            throw new UnsupportedOperationException("this strategy keeps no replication snapshot");
        }
    }
}
