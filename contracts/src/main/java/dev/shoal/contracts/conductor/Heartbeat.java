package dev.shoal.contracts.conductor;

import dev.shoal.contracts.ServiceStatus;

/**
 * Sent by every guest every heartbeat interval. The envelope carries {@code nodeId} and {@code sentAt};
 * the conductor drops heartbeats older than the last it accepted for that node.
 */
public record Heartbeat(ServiceStatus serviceStatus, String statusDescription, Long volumeUsedBytes,
                        Long volumeTotalBytes, String agentVersion) {
}
