package dev.shoal.bench;

import dev.shoal.contracts.NodeSecret;
import java.util.List;
import java.util.UUID;

/**
 * A tenant whose instances are rows copied from a real one, each node with a secret of its own: as the API and
 * the conductor see them, without a process behind any.
 */
public record SyntheticTenant(String id, List<Node> nodes) {

    public record Node(UUID instanceId, UUID nodeId, NodeSecret secret) {
    }

    public int size() {
        return nodes.size();
    }
}
