package dev.shoal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.contracts.guest.RestorePoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void roundTripsAnEnvelopeAndItsPayload() {
        Instant sent = Instant.parse("2026-01-02T03:04:05.123456Z");
        Heartbeat heartbeat = new Heartbeat(ServiceStatus.RUNNING, null, 42L, 1000L, "0.1.0");
        Envelope envelope = codec.envelope(MessageTypes.HEARTBEAT, sent, "c-1", "acme", "n-1", heartbeat);

        Envelope decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded.id()).isEqualTo(envelope.id());
        assertThat(decoded.sentAt()).isEqualTo(sent);
        assertThat(decoded.nodeId()).isEqualTo("n-1");
        assertThat(codec.payload(decoded, Heartbeat.class)).isEqualTo(heartbeat);
    }

    @Test
    void aPrepareCarriesItsRestorePointAndOlderPreparesCarryNone() {
        Prepare restore = new Prepare("mysql", "10.11", 512, 1, "sealed", null, java.util.Map.of("a", "1"),
                new RestorePoint("b-1", "/backups/mysql-b-1.sql.gz", "ab12"));
        Envelope envelope = codec.envelope(MessageTypes.PREPARE, Instant.now(), "c-1", "acme", "n-1", restore);

        assertThat(codec.payload(codec.decode(codec.encode(envelope)), Prepare.class)).isEqualTo(restore);
        Envelope plain = codec.envelope(MessageTypes.PREPARE, Instant.now(), "c-2", "acme", "n-1",
                new Prepare("mysql", "10.11", 512, 1, "sealed"));
        assertThat(codec.payload(codec.decode(codec.encode(plain)), Prepare.class).restorePoint()).isNull();
    }

    @Test
    void aReaderSkipsFieldsALaterVersionAddedAndLeavesOnesAnEarlierVersionLackedEmpty() {
        String later = """
                {"id":"m-1","type":"heartbeat","version":3,"sentAt":"2026-01-02T03:04:05Z","nodeId":"n-1",
                 "routedVia":"somewhere","payload":{"serviceStatus":"RUNNING","volumeUsedBytes":1,"uptime":42}}
                """;

        Envelope envelope = codec.decode(later.getBytes(StandardCharsets.UTF_8));
        Heartbeat heartbeat = codec.payload(envelope, Heartbeat.class);

        assertThat(envelope.version()).isEqualTo(3);
        assertThat(heartbeat.serviceStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(heartbeat.volumeUsedBytes()).isEqualTo(1L);
        assertThat(heartbeat.agentVersion()).isNull();
    }

    @Test
    void thisBuildSendsItsOwnWireVersionAndReadsThePreviousOne() {
        Envelope sent = codec.envelope(MessageTypes.HEARTBEAT, Instant.now(), null, null, "n-1",
                new Heartbeat(ServiceStatus.RUNNING, null, null, null, "dev"));

        assertThat(sent.version()).isEqualTo(Envelope.CURRENT_VERSION).isEqualTo(2);
        assertThat(Envelope.readable(Envelope.PREVIOUS_VERSION)).isTrue();
        assertThat(Envelope.readable(Envelope.CURRENT_VERSION)).isTrue();
        assertThat(Envelope.readable(Envelope.CURRENT_VERSION + 1)).isFalse();
        assertThat(Envelope.readable(Envelope.OLDEST_SUPPORTED - 1)).isFalse();
    }

    @Test
    void aCallFromATaskCarriesItsFencingEpochAndOtherMessagesNone() {
        Envelope call = codec.envelope(MessageTypes.ENABLE_AS_MASTER, Instant.now(), "task-1", "acme", "n-1",
                java.util.Map.of());

        assertThat(codec.decode(codec.encode(call.fenced(41))).fence()).isEqualTo(41L);
        assertThat(codec.decode(codec.encode(call)).fence()).isNull();
        assertThat(new String(codec.encode(call), StandardCharsets.UTF_8)).doesNotContain("fence");
    }

    @Test
    void rejectsBytesThatAreNotAnEnvelope() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class);
    }
}
