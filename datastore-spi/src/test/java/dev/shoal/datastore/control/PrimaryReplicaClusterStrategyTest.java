package dev.shoal.datastore.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrimaryReplicaClusterStrategyTest {

    private final Replicas replicas = new Replicas();
    private final PrimaryReplicaClusterStrategy strategy = new PrimaryReplicaClusterStrategy(replicas);

    @Test
    void aNewClustersFirstNodeIsTheMasterAndTheOthersReplicasOfOneSnapshot() {
        Node first = new Node("m-1", null);
        Node second = new Node("m-2", null);
        Node third = new Node("m-3", null);
        Change change = new Change(List.of(first, second, third), List.of(first, second, third));

        strategy.join(change);
        strategy.join(change);

        assertThat(first.role).isEqualTo(Role.MASTER);
        assertThat(second.role).isEqualTo(Role.REPLICA);
        assertThat(third.role).isEqualTo(Role.REPLICA);
        assertThat(replicas.snapshots).as("a step run again reuses the remembered snapshot").isEqualTo(1);
        assertThat(replicas.attached).containsExactly("m-2", "m-3", "m-2", "m-3");
    }

    @Test
    void aGrownClusterKeepsTheMasterItsRoleNames() {
        Node replica = new Node("m-1", Role.REPLICA);
        Node master = new Node("m-2", Role.MASTER);
        Node added = new Node("m-3", null);

        strategy.join(new Change(List.of(replica, master, added), List.of(added)));

        assertThat(master.role).isEqualTo(Role.MASTER);
        assertThat(replica.role).isEqualTo(Role.REPLICA);
        assertThat(added.role).isEqualTo(Role.REPLICA);
    }

    @Test
    void formedOnceEveryReplicaReplicatesAndThenTheSnapshotGoes() throws ClusterFailure {
        Node master = new Node("m-1", null);
        Node replica = new Node("m-2", null);
        Change change = new Change(List.of(master, replica), List.of(master, replica));
        strategy.join(change);

        assertThat(strategy.formed(change)).isFalse();
        replicas.replicating.add("m-2");
        assertThat(strategy.formed(change)).isTrue();
        assertThat(replicas.dropped).isEqualTo(1);
    }

    @Test
    void aReplicaStoppedOnAnErrorFailsTheChange() {
        Node master = new Node("m-1", null);
        Node broken = new Node("m-2", null);
        replicas.broken.add("m-2");

        assertThatThrownBy(() -> strategy.formed(new Change(List.of(master, broken), List.of())))
                .isInstanceOf(ClusterFailure.class)
                .satisfies(e -> assertThat(((ClusterFailure) e).kind()).isEqualTo(ClusterFailure.Kind.REPLICA));
    }

    private static final class Node implements ClusterNode {

        private final UUID id = UUID.randomUUID();
        private final String name;
        private Role role;

        Node(String name, Role role) {
            this.name = name;
            this.role = role;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String ip() {
            return "127.0.1." + name.substring(2);
        }

        @Override
        public String type() {
            return "member";
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

    private static final class Change implements ClusterChange {

        private final List<ClusterNode> members;
        private final List<ClusterNode> added;
        private ReplicationSnapshot snapshot;

        Change(List<ClusterNode> members, List<ClusterNode> added) {
            this.members = members;
            this.added = added;
        }

        @Override
        public String clusterId() {
            return "c";
        }

        @Override
        public String correlationId() {
            return "task";
        }

        @Override
        public List<ClusterNode> members() {
            return members;
        }

        @Override
        public List<ClusterNode> added() {
            return added;
        }

        @Override
        public Optional<ClusterNode> replaced() {
            return Optional.empty();
        }

        @Override
        public Optional<ReplicationSnapshot> snapshot() {
            return Optional.ofNullable(snapshot);
        }

        @Override
        public void rememberSnapshot(ReplicationSnapshot taken) {
            snapshot = taken;
        }
    }

    private static final class Replicas implements Replication {

        private int snapshots;
        private int dropped;
        private final List<String> attached = new ArrayList<>();
        private final Set<String> replicating = new HashSet<>();
        private final Set<String> broken = new HashSet<>();

        @Override
        public ReplicationSnapshot snapshot(ClusterNode master, String snapshotId, String correlationId) {
            snapshots++;
            return new ReplicationSnapshot(snapshotId, "0-1-1", master.ip(), "replicator", "sealed");
        }

        @Override
        public void attach(ClusterNode master, ReplicationSnapshot snapshot, ClusterNode replica,
                           String correlationId) {
            attached.add(replica.name());
        }

        @Override
        public boolean isReplicating(ClusterNode replica, String correlationId) throws ClusterFailure {
            if (broken.contains(replica.name())) {
                throw new ClusterFailure(ClusterFailure.Kind.REPLICA, replica.name() + " does not replicate");
            }
            return replicating.contains(replica.name());
        }

        @Override
        public void dropSnapshot(ClusterNode master, String snapshotId, String correlationId) {
            dropped++;
        }
    }
}
