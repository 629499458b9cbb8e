package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Envelope;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which guests the conductor understands. Nodes outlive the control plane, so guests of the release before
 * keep being heard; what a guest newer than this conductor sends may mean what it cannot know, and is dropped.
 * Either is told once per node, not at every heartbeat.
 */
final class GuestWireVersions {

    private static final Logger log = LoggerFactory.getLogger(GuestWireVersions.class);

    private final Set<UUID> toldOld = ConcurrentHashMap.newKeySet();
    private final Set<UUID> toldUnreadable = ConcurrentHashMap.newKeySet();

    /** @return whether the conductor reads what this authentic message says */
    boolean readable(UUID node, Envelope envelope) {
        int version = envelope.version();
        if (!Envelope.readable(version)) {
            if (toldUnreadable.add(node)) {
                log.warn("dropped {} {} from node {}: wire version {}, while this conductor reads {} to {}; "
                        + "upgrade the conductor (further such messages of this node are dropped quietly)",
                        envelope.type(), envelope.id(), node, version, Envelope.OLDEST_SUPPORTED,
                        Envelope.CURRENT_VERSION);
            } else {
                log.debug("dropped {} {} from node {}: wire version {}", envelope.type(), envelope.id(), node,
                        version);
            }
            return false;
        }
        if (version < Envelope.CURRENT_VERSION && toldOld.add(node)) {
            log.warn("node {} runs an old guest (wire version {}); it keeps working, upgrade it by restarting its "
                    + "guest agent with this release's shoal-guestagent.jar (its datastore keeps running)", node,
                    version);
        }
        return true;
    }
}
