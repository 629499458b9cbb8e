package dev.shoal.domain.outbox;

/** Raised inside the writing transaction so the relay can publish right after commit instead of on its next poll. */
public record OutboxWritten() {
}
