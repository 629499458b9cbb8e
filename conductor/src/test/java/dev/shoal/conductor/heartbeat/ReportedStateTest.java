package dev.shoal.conductor.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import dev.shoal.contracts.conductor.ReplicationReport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportedStateTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void volumeUsageIsNoChange() {
        assertThat(ReportedState.of(replica(1L, T0.minusSeconds(3)))
                .changesNothingIn(ReportedState.of(replica(999L, T0.minusSeconds(3))))).isTrue();
    }

    @Test
    void sinceWhenTheMasterIsUnreachableIsNoChangeButWhetherItIsIs() {
        ReportedState unreachable = ReportedState.of(replica(1L, T0.minusSeconds(3)));

        assertThat(ReportedState.of(replica(1L, T0.minusSeconds(2))).changesNothingIn(unreachable)).isTrue();
        assertThat(ReportedState.of(replica(1L, null)).changesNothingIn(unreachable)).isFalse();
    }

    @Test
    void awaitingConfirmationAndTheElectedRoleAreChanges() {
        ReportedState awaiting = ReportedState.of(new Heartbeat(ServiceStatus.RUNNING, null, 1L, 2L, "test", null,
                null, new ReplicationReport(true, null, null), Role.PRIMARY));

        assertThat(ReportedState.of(new Heartbeat(ServiceStatus.RUNNING, null, 1L, 2L, "test", null, null,
                new ReplicationReport(false, null, null), Role.PRIMARY)).changesNothingIn(awaiting)).isFalse();
        assertThat(ReportedState.of(new Heartbeat(ServiceStatus.RUNNING, null, 1L, 2L, "test", null, null,
                new ReplicationReport(true, null, null), Role.SECONDARY)).changesNothingIn(awaiting)).isFalse();
    }

    @Test
    void aDescriptionIsComparedAsItIsStored() {
        String longer = "x".repeat(ReportedState.MAX_DESCRIPTION + 10);

        assertThat(ReportedState.of(new Heartbeat(ServiceStatus.BLOCKED, longer, 1L, 2L, "test")).description())
                .hasSize(ReportedState.MAX_DESCRIPTION);
    }

    private static Heartbeat replica(Long used, Instant unreachableSince) {
        return new Heartbeat(ServiceStatus.RUNNING, null, used, 2L, "test", null, null,
                new ReplicationReport(false, unreachableSince, null), null);
    }
}
