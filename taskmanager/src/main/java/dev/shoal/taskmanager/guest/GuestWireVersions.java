package dev.shoal.taskmanager.guest;

import dev.shoal.contracts.Envelope;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which guests' answers the task manager reads. Nodes outlive the control plane, so a guest of the release
 * before is still answered and told of once per node, not at every call; an answer in a wire version later
 * than this task manager knows may mean what it cannot know, and fails the call.
 */
final class GuestWireVersions {

    private static final Logger log = LoggerFactory.getLogger(GuestWireVersions.class);

    private final Set<UUID> toldOld = ConcurrentHashMap.newKeySet();

    /** @throws GuestCallException when the answer is of a wire version this task manager does not read */
    void requireReadable(UUID node, String type, Envelope answer) {
        int version = answer.version();
        if (!Envelope.readable(version)) {
            throw new GuestCallException("node " + node + " answered " + type + " in wire version " + version
                    + ", while this task manager reads " + Envelope.OLDEST_SUPPORTED + " to "
                    + Envelope.CURRENT_VERSION + "; upgrade the task manager");
        }
        if (version < Envelope.CURRENT_VERSION && toldOld.add(node)) {
            log.warn("node {} runs an old guest (wire version {}); it keeps working, upgrade it by restarting its "
                    + "guest agent with this release's shoal-guestagent.jar (its datastore keeps running)", node,
                    version);
        }
    }
}
