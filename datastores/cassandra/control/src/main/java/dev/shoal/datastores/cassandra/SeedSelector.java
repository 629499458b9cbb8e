package dev.shoal.datastores.cassandra;

import dev.shoal.datastore.control.ClusterNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cassandra's seeds: the oldest node of each region, so every data centre gossips locally, and at most three, as
 * Cassandra advises (more seeds slow gossip without adding safety).
 */
final class SeedSelector {

    static final int MAX_SEEDS = 3;

    private SeedSelector() {
    }

    static List<ClusterNode> seeds(List<ClusterNode> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one node to seed it");
        }
        Map<String, ClusterNode> oldestPerRegion = new LinkedHashMap<>();
        candidates.stream().sorted(Comparator.comparing(ClusterNode::created).thenComparing(ClusterNode::name))
                .forEach(node -> oldestPerRegion.putIfAbsent(String.valueOf(node.region()), node));
        List<ClusterNode> seeds = new ArrayList<>(oldestPerRegion.values());
        return seeds.subList(0, Math.min(MAX_SEEDS, seeds.size()));
    }
}
