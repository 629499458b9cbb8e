package dev.shoal.conductor.heartbeat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The newest heartbeat per node that the next flush writes; older ones of the same node are superseded here. */
@Component
class HeartbeatBuffer {

    private final ConcurrentHashMap<UUID, PendingHeartbeat> pending = new ConcurrentHashMap<>();

    void offer(PendingHeartbeat heartbeat) {
        pending.merge(heartbeat.nodeId(), heartbeat, PendingHeartbeat::newer);
    }

    /** Takes what is pending; a heartbeat offered meanwhile waits for the next drain. */
    List<PendingHeartbeat> drain() {
        List<PendingHeartbeat> drained = new ArrayList<>(pending.size());
        for (UUID node : pending.keySet()) {
            PendingHeartbeat heartbeat = pending.remove(node);
            if (heartbeat != null) {
                drained.add(heartbeat);
            }
        }
        return drained;
    }

    /** Puts back what a failed flush did not write, unless a newer heartbeat of the node arrived meanwhile. */
    void restore(Collection<PendingHeartbeat> unwritten) {
        unwritten.forEach(this::offer);
    }

    int size() {
        return pending.size();
    }
}
