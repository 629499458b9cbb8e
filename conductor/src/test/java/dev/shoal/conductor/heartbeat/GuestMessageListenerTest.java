package dev.shoal.conductor.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

class GuestMessageListenerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HeartbeatService heartbeats = mock(HeartbeatService.class);
    private final MessageCodec codec = new MessageCodec();
    private final GuestMessageListener listener = new GuestMessageListener(heartbeats, codec, registry,
            new HeartbeatMeters(mock(JdbcClient.class), Clock.fixed(NOW, ZoneOffset.UTC), registry));
    private final UUID node = UUID.randomUUID();

    @Test
    void countsAnAppliedHeartbeatAndHowLateItArrived() {
        given(heartbeats.accept(any(), any(), any())).willReturn(GuestMessageOutcome.APPLIED);

        listener.onMessage(message(MessageTypes.HEARTBEAT, NOW.minus(Duration.ofSeconds(2))));

        assertThat(messages(MessageTypes.HEARTBEAT, "applied")).isEqualTo(1);
        assertThat(registry.get(HeartbeatMeters.DELAY).summary().count()).isEqualTo(1);
        assertThat(registry.get(HeartbeatMeters.DELAY).summary().totalAmount()).isEqualTo(2.0);
    }

    @Test
    void countsACoalescedHeartbeatApartAndHowLateItArrived() {
        given(heartbeats.accept(any(), any(), any())).willReturn(GuestMessageOutcome.COALESCED);

        listener.onMessage(message(MessageTypes.HEARTBEAT, NOW.minus(Duration.ofSeconds(3))));

        assertThat(messages(MessageTypes.HEARTBEAT, "coalesced")).isEqualTo(1);
        assertThat(registry.get(HeartbeatMeters.DELAY).summary().totalAmount()).isEqualTo(3.0);
    }

    @Test
    void countsAMessageThatCouldNotBeAppliedAsAnError() {
        given(heartbeats.accept(any(), any(), any())).willThrow(new IllegalStateException("database gone"));

        assertThatThrownBy(() -> listener.onMessage(message(MessageTypes.REPORT, NOW)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(messages(MessageTypes.REPORT, GuestMessageListener.ERROR)).isEqualTo(1);
        assertThat(registry.get(HeartbeatMeters.DELAY).summary().count()).isZero();
    }

    @Test
    void handlesAMessageWithItsNodeInTheLogContext() {
        AtomicReference<String> during = new AtomicReference<>();
        given(heartbeats.accept(any(), any(), any())).willAnswer(call -> {
            during.set(MDC.get("node"));
            return GuestMessageOutcome.REJECTED;
        });

        listener.onMessage(message("no_such_type", NOW));

        assertThat(during).hasValue(node.toString());
        assertThat(MDC.get("node")).isNull();
        assertThat(messages("other", "rejected")).as("an unknown type is not a tag value of its own").isEqualTo(1);
    }

    private double messages(String type, String outcome) {
        return registry.get(GuestMessageListener.METRIC).tag("type", type).tag("outcome", outcome).counter().count();
    }

    private Message message(String type, Instant sentAt) {
        return new Message(codec.encode(codec.envelope(type, sentAt, null, "tenant-1", node.toString(), Map.of())),
                new MessageProperties());
    }
}
