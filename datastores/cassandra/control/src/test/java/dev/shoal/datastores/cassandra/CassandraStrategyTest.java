package dev.shoal.datastores.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ReplicationSnapshot;
import dev.shoal.datastore.control.ClusterChange;
import dev.shoal.datastore.control.ClusterNode;
import dev.shoal.datastore.control.ClusterStrategy.Start;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CassandraStrategyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final CassandraStrategy strategy = new CassandraStrategy(null, null);

    @Test
    void aNewRingStartsItsSeedsFirstAndEveryNodeKnowsThem() {
        Node west2 = new Node("c-2", "west", 1);
        Node east = new Node("c-3", "east", 2);
        Node west1 = new Node("c-1", "west", 0);
        List<ClusterNode> nodes = List.of(west2, east, west1);

        List<Start> plan = strategy.startPlan(new Change(nodes, nodes, Optional.empty()));

        assertThat(plan).extracting(start -> start.node().name()).containsExactly("c-3", "c-1", "c-2");
        assertThat(plan).allSatisfy(start -> {
            assertThat(start.member().seeds()).containsExactly("127.0.1.1", "127.0.1.3");
            assertThat(start.member().clusterId()).isEqualTo("ring");
            assertThat(start.member().replaceAddress()).isNull();
        });
        assertThat(west1.role).isEqualTo(Role.SEED);
        assertThat(east.role).isEqualTo(Role.SEED);
        assertThat(west2.role).isEqualTo(Role.MEMBER);
    }

    @Test
    void aReplacementIsSeededByTheNodesAlreadyThereAndTakesTheOldAddress() {
        Node seed = new Node("c-1", "west", 0);
        Node replacement = new Node("c-4", "west", 3);
        Node old = new Node("c-2", "west", 1);

        List<Start> plan = strategy.startPlan(new Change(List.of(seed, replacement), List.of(replacement),
                Optional.of(old)));

        assertThat(plan).singleElement().satisfies(start -> {
            assertThat(start.node()).isSameAs(replacement);
            assertThat(start.member().seeds()).containsExactly("127.0.1.1");
            assertThat(start.member().replaceAddress()).isEqualTo("127.0.1.2");
        });
        assertThat(seed.role).isEqualTo(Role.SEED);
        assertThat(replacement.role).isEqualTo(Role.MEMBER);
    }

    private static final class Node implements ClusterNode {

        private final UUID id = UUID.randomUUID();
        private final String name;
        private final String region;
        private final Instant created;
        private Role role;

        Node(String name, String region, int minute) {
            this.name = name;
            this.region = region;
            this.created = T0.plusSeconds(60L * minute);
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
            return region;
        }

        @Override
        public Instant created() {
            return created;
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

    private record Change(List<ClusterNode> members, List<ClusterNode> added, Optional<ClusterNode> replaced)
            implements ClusterChange {

        @Override
        public String clusterId() {
            return "ring";
        }

        @Override
        public String correlationId() {
            return "task";
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
