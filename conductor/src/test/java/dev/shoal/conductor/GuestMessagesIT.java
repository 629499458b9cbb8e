package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Role;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.ReplicationReport;
import dev.shoal.domain.node.ServiceStatusRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** What guests tell the conductor, and who may tell it. */
class GuestMessagesIT extends GuestTraffic {

    @Test
    void signedHeartbeatSetsServiceStatusAndVolume() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant before = Instant.now();
        assertThat(jdbc.sql("select secret from nodes where id = ?").param(node).query(String.class).single())
                .as("the secret the conductor verifies with is stored encrypted").startsWith("v1:")
                .doesNotContain(secret.value());

        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);

        ServiceStatusRecord status = await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node), Optional::isPresent).get();
        assertThat(status.getStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(status.getVolumeUsedBytes()).isEqualTo(4096L);
        assertThat(status.getVolumeTotalBytes()).isEqualTo(1L << 30);
        assertThat(status.getUpdatedAt()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aHeartbeatTellsHowOftenTheServerWasStartedAgainAfterACrashAndAnOlderGuestForgetsNothing() {
        // and whether a master started again unasked awaits its confirmation, which only the latest heartbeat says,
        // and the part an election gave a member, which its stored role follows
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        jdbc.sql("update nodes set role = 'SECONDARY' where id = ?").param(node).update();
        Instant crashed = Instant.parse("2026-12-06T10:15:30Z");
        // the guest's clock runs an hour ahead: the master became unreachable 3 s before it sent
        Instant sent = Instant.now().plus(Duration.ofHours(1));

        send(codec.envelope(MessageTypes.HEARTBEAT, sent, null, null, node.toString(),
                new Heartbeat(ServiceStatus.RUNNING, null, 4096L, 1L << 30, "test", 2, crashed,
                        new ReplicationReport(true, sent.minusSeconds(3), false), Role.PRIMARY)), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).map(ServiceStatusRecord::getRestarts)
                .orElse(null), Integer.valueOf(2)::equals);
        ServiceStatusRecord reported = status(node).orElseThrow();
        assertThat(nodes.findById(node).orElseThrow().getRole()).as("elected primary").isEqualTo(Role.PRIMARY);
        assertThat(reported.getAwaitingConfirmation()).isTrue();
        assertThat(reported.getSyncReplication()).isFalse();
        assertThat(reported.getMasterUnreachableSince()).as("on the conductor's clock")
                .isBetween(Instant.now().minusSeconds(15), Instant.now().minusSeconds(2));
        Instant later = sent.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        send(heartbeat(node, ServiceStatus.RUNNING, later), secret);
        await("the older guest's heartbeat applied").atMost(Duration.ofSeconds(10))
                .until(() -> status(node).map(ServiceStatusRecord::getSentAt).orElse(null), later::equals);

        assertThat(status(node).orElseThrow().getRestarts()).isEqualTo(2);
        assertThat(status(node).orElseThrow().getLastCrash()).isEqualTo(crashed);
        assertThat(status(node).orElseThrow().getAwaitingConfirmation()).isNull();
        assertThat(status(node).orElseThrow().getMasterUnreachableSince()).isNull();
    }

    @Test
    void rejectsHeartbeatSignedWithAnotherNodesSecret(CapturedOutput output) {
        NodeSecret secret = NodeSecret.generate();
        NodeSecret forged = NodeSecret.generate();
        UUID node = newNode(secret);
        double rejected = outcomes("rejected");

        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), forged);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("rejected") > rejected);
        assertThat(status(node)).isEmpty();
        assertThat(output.getOut()).contains("bad signature from node " + node)
                .doesNotContain(secret.value()).doesNotContain(forged.value());
    }

    @Test
    void dropsAHeartbeatFromAnUnknownNode() {
        NodeSecret secret = NodeSecret.generate();
        UUID stranger = UUID.randomUUID();
        double rejected = outcomes("rejected");

        send(heartbeat(stranger, ServiceStatus.RUNNING, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("rejected") > rejected);
        assertThat(status(stranger)).isEmpty();
    }

    @Test
    void failedPrepareReportMarksTheNodeFailed() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(report(node, false, "no mariadbd found", Instant.now()), secret);

        ServiceStatusRecord status = await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node), Optional::isPresent).get();
        assertThat(status.getStatus()).isEqualTo(ServiceStatus.FAILED);
        assertThat(status.getStatusDescription()).contains("no mariadbd found");
    }

    @Test
    void successfulReportIsRecordedWithoutChangingTheStatus() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        double recorded = outcomes("recorded");

        send(report(node, true, null, Instant.now()), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("recorded") > recorded);
        assertThat(status(node)).isEmpty();
    }
}
