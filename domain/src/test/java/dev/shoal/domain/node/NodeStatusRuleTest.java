package dev.shoal.domain.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeStatusRuleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration EXPIRY = Duration.ofSeconds(90);

    @Test
    void runningGuestWithFreshHeartbeatIsActive() {
        assertThat(derive(NodeTask.NONE, ServiceStatus.RUNNING, NOW.minusSeconds(5))).isEqualTo(NodeStatus.ACTIVE);
    }

    @Test
    void buildingTaskWinsOverRunningGuest() {
        assertThat(derive(NodeTask.BUILDING, ServiceStatus.RUNNING, NOW)).isEqualTo(NodeStatus.BUILD);
    }

    @Test
    void errorTaskShowsError() {
        assertThat(derive(NodeTask.BUILDING_ERROR_TIMEOUT_GA, ServiceStatus.RUNNING, NOW))
                .isEqualTo(NodeStatus.ERROR);
    }

    @Test
    void aBackupRunningShowsTrovesBackupStatus() {
        assertThat(derive(NodeTask.BACKING_UP, ServiceStatus.RUNNING, NOW)).isEqualTo(NodeStatus.BACKUP);
    }

    @Test
    void deletingShowsShutdown() {
        assertThat(derive(NodeTask.DELETING, ServiceStatus.RUNNING, NOW)).isEqualTo(NodeStatus.SHUTDOWN);
    }

    @Test
    void heartbeatOlderThanExpiryShowsShutdown() {
        assertThat(derive(NodeTask.NONE, ServiceStatus.RUNNING, NOW.minus(EXPIRY).minusMillis(1)))
                .isEqualTo(NodeStatus.SHUTDOWN);
        assertThat(derive(NodeTask.NONE, ServiceStatus.RUNNING, NOW.minus(EXPIRY))).isEqualTo(NodeStatus.ACTIVE);
    }

    @Test
    void noHeartbeatYetIsUnknown() {
        assertThat(derive(NodeTask.NONE, null, null)).isEqualTo(NodeStatus.UNKNOWN);
    }

    @Test
    void updatingTaskLetsServiceStatusSpeak() {
        assertThat(derive(NodeTask.UPDATING, ServiceStatus.BLOCKED, NOW)).isEqualTo(NodeStatus.BLOCKED);
    }

    private static NodeStatus derive(NodeTask task, ServiceStatus status, Instant lastHeartbeat) {
        return NodeStatusRule.derive(task, status, lastHeartbeat, NOW, EXPIRY);
    }
}
