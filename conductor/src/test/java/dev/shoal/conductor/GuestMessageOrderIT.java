package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each guest message counts once and in the order its guest sent it. */
class GuestMessageOrderIT extends GuestTraffic {

    @Test
    void olderHeartbeatAfterANewerOneIsDropped() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(heartbeat(node, ServiceStatus.RUNNING, now), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        double outOfOrder = outcomes("out_of_order");

        send(heartbeat(node, ServiceStatus.BLOCKED, now.minusSeconds(1)), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("out_of_order") > outOfOrder);
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.RUNNING);
        assertThat(status(node).get().getSentAt()).isEqualTo(now);
    }

    @Test
    void theSameHeartbeatTwiceIsProcessedOnceWithoutARowInProcessedMessages() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Envelope first = heartbeat(node, ServiceStatus.RUNNING, Instant.now());
        send(first, secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        // Were the redelivery applied again, it would pass the database's order check and set RUNNING back: the
        // conductor that accepted it remembers it.
        jdbc.sql("delete from conductor_lastseen where node_id = ?").param(node).update();
        jdbc.sql("update service_statuses set status = 'BLOCKED' where node_id = ?").param(node).update();
        double duplicates = outcomes("duplicate");

        send(first, secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("duplicate") > duplicates);
        assertThat(count("select count(*) from processed_messages where message_id = ?", first.id())).isZero();
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.BLOCKED);
        assertThat(count("select count(*) from conductor_lastseen where node_id = ?", node)).isZero();
    }

    @Test
    void theSameReportTwiceIsProcessedOnceByItsId() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Envelope failed = report(node, false, "disk full", Instant.now());
        send(failed, secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        jdbc.sql("delete from conductor_lastseen where node_id = ?").param(node).update();
        jdbc.sql("update service_statuses set status = 'RUNNING' where node_id = ?").param(node).update();
        double duplicates = outcomes("duplicate");

        send(failed, secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("duplicate") > duplicates);
        assertThat(count("select count(*) from processed_messages where message_id = ?", failed.id())).isEqualTo(1);
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.RUNNING);
    }

    @Test
    void aHeartbeatDelayedBehindAFailedPrepareDoesNotHideTheFailure() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        Instant now = Instant.now();
        send(report(node, false, "disk full", now), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());
        double outOfOrder = outcomes("out_of_order");

        send(heartbeat(node, ServiceStatus.BUILD, now.minusSeconds(1)), secret);

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes("out_of_order") > outOfOrder);
        assertThat(status(node).get().getStatus()).isEqualTo(ServiceStatus.FAILED);
    }
}
