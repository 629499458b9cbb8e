package dev.shoal.datastores.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.Role;
import dev.shoal.datastore.control.ClusterNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeedSelectorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void oneRegionIsSeededByItsOldestNode() {
        ClusterNode first = node("c-1", "west", 0);
        List<ClusterNode> seeds = SeedSelector.seeds(List.of(node("c-3", "west", 2), first, node("c-2", "west", 1)));
        assertThat(seeds).containsExactly(first);
    }

    @Test
    void everyRegionGetsASeedUpToThree() {
        List<ClusterNode> nodes = List.of(node("c-1", "west", 0), node("c-2", "west", 1), node("c-3", "east", 2),
                node("c-4", "eu", 3), node("c-5", "apac", 4));
        assertThat(SeedSelector.seeds(nodes)).extracting(ClusterNode::name).containsExactly("c-1", "c-3", "c-4");
    }

    @Test
    void aRingWithoutNodesHasNoSeed() {
        assertThatThrownBy(() -> SeedSelector.seeds(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static ClusterNode node(String name, String region, int minute) {
        return new Member(UUID.randomUUID(), name, region, T0.plusSeconds(60L * minute));
    }

    private record Member(UUID id, String name, String region, Instant created) implements ClusterNode {

        @Override
        public String ip() {
            return null;
        }

        @Override
        public String type() {
            return "member";
        }

        @Override
        public Role role() {
            return null;
        }

        @Override
        public void takeRole(Role role) {
            throw new UnsupportedOperationException("seed selection only reads nodes; it must not give one a role");
        }
    }
}
