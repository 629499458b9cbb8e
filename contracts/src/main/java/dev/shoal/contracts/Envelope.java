package dev.shoal.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The JSON envelope of every message on the bus.
 *
 * @param id            unique message id; consumers are idempotent on it
 * @param type          message type, one of {@link MessageTypes}
 * @param version       payload schema version of that type
 * @param sentAt        the sender's clock when sent; the conductor orders heartbeats by it
 * @param correlationId ties a message to the task or request it serves
 * @param tenantId      owning tenant, if any
 * @param nodeId        the node a guest message comes from or goes to, if any
 * @param payload       type-specific body
 */
public record Envelope(
        String id,
        String type,
        int version,
        Instant sentAt,
        String correlationId,
        String tenantId,
        String nodeId,
        JsonNode payload) {

    public static final int CURRENT_VERSION = 1;

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
