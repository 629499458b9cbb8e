package dev.shoal.contracts.conductor;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.ServiceStatus;
import java.time.Instant;

/**
 * Sent by every guest every heartbeat interval. The envelope carries {@code nodeId} and {@code sentAt};
 * the conductor drops heartbeats older than the last it accepted for that node.
 *
 * @param restarts  how often the guest started its server again after a crash, all told
 * @param lastCrash when the server last crashed, as the guest saw it; null if it never did
 * @param replication what a replicated datastore's guest tells for failover; null from other datastores
 * @param electedRole the part the datastore's own election gives the node now (a MongoDB member's primary or
 *                    secondary); null where Shoal gives the parts
 */
public record Heartbeat(ServiceStatus serviceStatus, String statusDescription, Long volumeUsedBytes,
                        Long volumeTotalBytes, String agentVersion, Integer restarts, Instant lastCrash,
                        ReplicationReport replication, Role electedRole) {

    /** From a guest that does not supervise its server: it tells no restarts. */
    public Heartbeat(ServiceStatus serviceStatus, String statusDescription, Long volumeUsedBytes,
                     Long volumeTotalBytes, String agentVersion) {
        this(serviceStatus, statusDescription, volumeUsedBytes, volumeTotalBytes, agentVersion, null, null, null,
                null);
    }
}
