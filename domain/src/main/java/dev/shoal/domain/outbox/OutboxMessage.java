package dev.shoal.domain.outbox;

import dev.shoal.domain.support.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message written in the same transaction as the change it announces, relayed to the broker after commit. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;
    private String exchange;
    private String routingKey;
    private String messageType;
    private String body;
    private Instant created;
    private Instant publishedAt;
    private int attempts;
    private String lastError;

    protected OutboxMessage() {
    }

    public OutboxMessage(UUID id, String exchange, String routingKey, String messageType, String body,
                         Instant created) {
        this.id = id;
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.messageType = messageType;
        this.body = body;
        this.created = created;
    }

    public void published(Instant now) {
        this.publishedAt = now;
        this.attempts++;
        this.lastError = null;
    }

    public void publishFailed(String error) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getExchange() {
        return exchange;
    }

    public String getRoutingKey() {
        return routingKey;
    }

    public String getMessageType() {
        return messageType;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}
