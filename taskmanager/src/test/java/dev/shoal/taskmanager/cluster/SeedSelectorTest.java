package dev.shoal.taskmanager.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.domain.node.Node;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeedSelectorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UUID CLUSTER = UUID.randomUUID();

    @Test
    void oneRegionIsSeededByItsOldestNode() {
        Node first = node("c-1", "west", 0);
        List<Node> seeds = SeedSelector.seeds(List.of(node("c-3", "west", 2), first, node("c-2", "west", 1)));
        assertThat(seeds).containsExactly(first);
    }

    @Test
    void everyRegionGetsASeedUpToThree() {
        List<Node> nodes = List.of(node("c-1", "west", 0), node("c-2", "west", 1), node("c-3", "east", 2),
                node("c-4", "eu", 3), node("c-5", "apac", 4));
        assertThat(SeedSelector.seeds(nodes)).extracting(Node::getName).containsExactly("c-1", "c-3", "c-4");
    }

    @Test
    void aRingWithoutNodesHasNoSeed() {
        assertThatThrownBy(() -> SeedSelector.seeds(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Node node(String name, String region, int minute) {
        return Node.forCluster(CLUSTER, "t", name, "member", region, UUID.randomUUID(), "1", 1, null,
                T0.plusSeconds(60L * minute));
    }
}
