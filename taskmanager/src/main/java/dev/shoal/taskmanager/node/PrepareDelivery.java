package dev.shoal.taskmanager.node;

import dev.shoal.contracts.ServiceStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells from a guest's heartbeats whether its prepare was lost: a guest that got it says {@code BUILD} or later,
 * so one that still says {@code NEW} in a heartbeat sent after the cast never got it (the broker, or the task
 * manager that cast it, went away first). Each such heartbeat calls for one re-send, not one per poll.
 */
final class PrepareDelivery {

    private final Map<UUID, Instant> answered = new ConcurrentHashMap<>();

    /**
     * @param castNoLaterThan a time no earlier than the prepare was cast
     * @return whether to send the prepare again now
     */
    boolean lost(UUID node, ServiceStatus status, Instant heartbeatSent, Instant castNoLaterThan) {
        if (status != ServiceStatus.NEW || heartbeatSent == null) {
            answered.remove(node);
            return false;
        }
        return heartbeatSent.isAfter(castNoLaterThan) && !heartbeatSent.equals(answered.put(node, heartbeatSent));
    }
}
