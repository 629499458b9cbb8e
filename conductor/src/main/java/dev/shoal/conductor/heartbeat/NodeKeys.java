package dev.shoal.conductor.heartbeat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The nodes heartbeats are verified against, remembered for {@link #TTL} so that a heartbeat costs no read. Only a
 * live node with a secret is remembered: an unknown one is read every time, so a node placed a moment ago is heard
 * at once. A deleted node may still be verified for the TTL, but nothing is written for it: a change reads the node
 * again, and the flush leaves deleted nodes' rows alone.
 */
@Component
class NodeKeys {

    /**
     * Well beyond a heartbeat interval: a node heard from every 10 s must find itself remembered, or every heartbeat
     * reads its row. A changed secret is read at once anyway (a heartbeat that does not verify reads the node again).
     */
    static final Duration TTL = Duration.ofMinutes(5);

    private final NodeRepository nodes;
    private final Cache<UUID, Node> live = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();

    NodeKeys(NodeRepository nodes) {
        this.nodes = nodes;
    }

    /** @param fresh whether to read the node even if remembered (its secret may have changed) */
    Optional<Node> find(UUID id, boolean fresh) {
        Node remembered = fresh ? null : live.getIfPresent(id);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<Node> node = nodes.findById(id);
        node.filter(found -> !found.isDeleted() && found.secret().isPresent())
                .ifPresentOrElse(found -> live.put(id, found), () -> live.invalidate(id));
        return node;
    }

    boolean remembers(UUID id) {
        return live.getIfPresent(id) != null;
    }
}
