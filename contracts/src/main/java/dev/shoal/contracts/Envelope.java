package dev.shoal.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The JSON envelope of every message on the bus.
 *
 * @param id            unique message id; consumers are idempotent on it
 * @param type          message type, one of {@link MessageTypes}
 * @param version       the sender's wire version, {@link #CURRENT_VERSION} of the build that sent it
 * @param sentAt        the sender's clock when sent; the conductor orders heartbeats by it
 * @param correlationId ties a message to the task or request it serves
 * @param tenantId      owning tenant, if any
 * @param nodeId        the node a guest message comes from or goes to, if any
 * @param payload       type-specific body
 * @param fence         on a call from a task, the fencing epoch of the task's lease: a guest refuses a fenced call
 *                      (promotion, demotion, replication changes) older than one it has already obeyed; absent
 *                      elsewhere and in what older senders wrote
 */
public record Envelope(
        String id,
        String type,
        int version,
        Instant sentAt,
        String correlationId,
        String tenantId,
        String nodeId,
        JsonNode payload,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long fence) {

    /**
     * The wire version of this build. Nodes outlive the control plane, so a reader takes every version from
     * {@link #OLDEST_SUPPORTED} to this one, and a later version only adds optional fields (boxed, absent in
     * what an older sender wrote), which an older reader skips.
     * <ul>
     * <li>1: the first release.</li>
     * <li>2: guests follow the broker named by their node's broker.properties and beat at once after
     * reconnecting; calls from a task may carry its fencing epoch ({@code fence}), which guests of 2 that came
     * before it skip.</li>
     * </ul>
     */
    public static final int CURRENT_VERSION = 2;
    /** What the release before this one sends; its guests may still run beside this control plane. */
    public static final int PREVIOUS_VERSION = 1;
    public static final int OLDEST_SUPPORTED = PREVIOUS_VERSION;

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** Without a fence: every message but a call from a task. */
    public Envelope(String id, String type, int version, Instant sentAt, String correlationId, String tenantId,
                    String nodeId, JsonNode payload) {
        this(id, type, version, sentAt, correlationId, tenantId, nodeId, payload, null);
    }

    /** This call as sent by the holder of the lease of epoch {@code epoch}. */
    public Envelope fenced(long epoch) {
        return new Envelope(id, type, version, sentAt, correlationId, tenantId, nodeId, payload, epoch);
    }

    /** Whether this build reads messages of {@code version}; a later one may mean what it cannot know. */
    public static boolean readable(int version) {
        return version >= OLDEST_SUPPORTED && version <= CURRENT_VERSION;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
