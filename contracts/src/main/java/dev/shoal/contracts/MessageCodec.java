package dev.shoal.contracts;

import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Encodes and decodes envelopes and their payloads; the single JSON configuration of the bus. */
public final class MessageCodec {

    // a reader of an older wire version skips the fields a later one added
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Envelope envelope(String type, Instant sentAt, String correlationId, String tenantId, String nodeId,
                             Object payload) {
        return envelope(Envelope.newId(), type, sentAt, correlationId, tenantId, nodeId, payload);
    }

    /** With an id of the sender's choosing: a request sent again under the same id is dropped by its receiver. */
    public Envelope envelope(String id, String type, Instant sentAt, String correlationId, String tenantId,
                             String nodeId, Object payload) {
        JsonNode body = mapper.valueToTree(payload);
        return new Envelope(id, type, Envelope.CURRENT_VERSION, sentAt, correlationId, tenantId, nodeId, body);
    }

    public byte[] encode(Envelope envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    /** @throws MalformedMessageException when the bytes are not an envelope */
    public Envelope decode(byte[] body) {
        try {
            return mapper.readValue(body, Envelope.class);
        } catch (RuntimeException e) {
            throw new MalformedMessageException("not a Shoal envelope: " + e.getMessage(), e);
        }
    }

    /** @throws MalformedMessageException when the payload does not fit the type */
    public <T> T payload(Envelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (RuntimeException e) {
            throw new MalformedMessageException(
                    "payload of " + envelope.type() + " is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
