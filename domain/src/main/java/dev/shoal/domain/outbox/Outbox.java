package dev.shoal.domain.outbox;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.Routing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes casts that must not be lost into the caller's transaction. */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final MessageCodec codec;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Outbox(OutboxRepository repository, MessageCodec codec, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.codec = codec;
        this.clock = clock;
        this.events = events;
    }

    /** Casts {@code payload} to {@code queue} once the surrounding transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Envelope cast(String queue, String type, String tenantId, String correlationId, Object payload) {
        Envelope envelope = codec.envelope(type, clock.instant(), correlationId, tenantId, null, payload);
        String body = new String(codec.encode(envelope), StandardCharsets.UTF_8);
        repository.save(new OutboxMessage(UUID.fromString(envelope.id()), Routing.EXCHANGE, queue, type, body,
                clock.instant()));
        events.publishEvent(new OutboxWritten());
        return envelope;
    }
}
