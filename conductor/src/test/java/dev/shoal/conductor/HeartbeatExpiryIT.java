package dev.shoal.conductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.ServiceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nodes whose guests fall silent are marked SHUTDOWN after the expiry, and only those. */
class HeartbeatExpiryIT extends GuestTraffic {

    @Test
    void silentNodeIsMarkedShutdownAfterTheExpiry() {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);
        Instant lastHeard = await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node), Optional::isPresent).get().getUpdatedAt();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> status(node).get().getStatus() == ServiceStatus.SHUTDOWN);

        assertThat(Instant.now()).as("not before the expiry").isAfterOrEqualTo(lastHeard.plus(EXPIRY));
        assertThat(status(node).get().getStatusDescription()).contains("no heartbeat since");
    }

    @Test
    void aHeartbeatAppliedWhileTheSweepWaitsForTheRowIsNotOverwritten() throws Exception {
        NodeSecret secret = NodeSecret.generate();
        UUID node = newNode(secret);
        send(heartbeat(node, ServiceStatus.RUNNING, Instant.now()), secret);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(node).isPresent());

        try (Connection heartbeatInFlight = dataSource.getConnection()) {
            // Holds the row as a heartbeat being applied would, from before the node turns silent.
            heartbeatInFlight.setAutoCommit(false);
            execute(heartbeatInFlight, "select status from service_statuses where node_id = ? for update", node);
            await().atMost(Duration.ofSeconds(10)).until(() -> count("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'
                    """) > 0);
            execute(heartbeatInFlight,
                    "update service_statuses set updated_at = clock_timestamp() where node_id = ?", node);
            heartbeatInFlight.commit();
        }

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> status(node).get().getStatus() == ServiceStatus.RUNNING);
    }

    private static void execute(Connection connection, String sql, UUID node) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, node);
            statement.execute();
        }
    }
}
