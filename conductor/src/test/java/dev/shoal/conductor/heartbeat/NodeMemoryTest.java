package dev.shoal.conductor.heartbeat;

import static dev.shoal.conductor.heartbeat.NodeMemory.Verdict.COALESCE;
import static dev.shoal.conductor.heartbeat.NodeMemory.Verdict.DUPLICATE;
import static dev.shoal.conductor.heartbeat.NodeMemory.Verdict.OUT_OF_ORDER;
import static dev.shoal.conductor.heartbeat.NodeMemory.Verdict.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.conductor.Heartbeat;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NodeMemoryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final ReportedState RUNNING = state(ServiceStatus.RUNNING);
    private static final ReportedState BLOCKED = state(ServiceStatus.BLOCKED);

    private final NodeMemory memory = new NodeMemory();
    private final UUID node = UUID.randomUUID();

    @Test
    void aNodesFirstHeartbeatIsWrittenAtOnce() {
        assertThat(memory.admit(node, T0, RUNNING)).isEqualTo(WRITE);
    }

    @Test
    void aHeartbeatTellingWhatWasWrittenWaitsForTheFlush() {
        written(T0, RUNNING);

        assertThat(memory.admit(node, T0.plusSeconds(10), RUNNING)).isEqualTo(COALESCE);
    }

    @Test
    void aChangedStateIsWrittenAtOnce() {
        written(T0, RUNNING);

        assertThat(memory.admit(node, T0.plusSeconds(10), BLOCKED)).isEqualTo(WRITE);
    }

    @Test
    void aRedeliveryIsADuplicateAndAnOlderHeartbeatOutOfOrder() {
        written(T0, RUNNING);
        memory.admit(node, T0.plusSeconds(10), RUNNING);

        assertThat(memory.admit(node, T0.plusSeconds(10), RUNNING)).isEqualTo(DUPLICATE);
        assertThat(memory.admit(node, T0.plusSeconds(5), RUNNING)).isEqualTo(OUT_OF_ORDER);
    }

    @Test
    void whileAChangeIsBeingWrittenTheNextHeartbeatIsWrittenAtOnceToo() {
        written(T0, RUNNING);
        assertThat(memory.admit(node, T0.plusSeconds(10), BLOCKED)).isEqualTo(WRITE);

        assertThat(memory.admit(node, T0.plusSeconds(20), RUNNING)).as("the state is not known here until it commits")
                .isEqualTo(WRITE);
    }

    @Test
    void afterAFailedWriteTheNextHeartbeatReadsTheDatabaseAgain() {
        written(T0, RUNNING);
        memory.admit(node, T0.plusSeconds(10), BLOCKED);
        memory.abandoned(node);

        assertThat(memory.admit(node, T0.plusSeconds(20), RUNNING)).isEqualTo(WRITE);
    }

    @Test
    void aReportThatChangedTheStatusMakesTheNextHeartbeatAChange() {
        written(T0, RUNNING);
        memory.forget(node);

        assertThat(memory.admit(node, T0.plusSeconds(10), RUNNING)).isEqualTo(WRITE);
    }

    @Test
    void aGuestThatTellsNoRestartsKeepsThoseWritten() {
        ReportedState crashedTwice = ReportedState.of(new Heartbeat(ServiceStatus.RUNNING, null, 1L, 2L, "test", 2,
                T0, null, null));
        written(T0, crashedTwice);

        assertThat(memory.admit(node, T0.plusSeconds(10), RUNNING)).isEqualTo(COALESCE);
        assertThat(memory.admit(node, T0.plusSeconds(20), ReportedState.of(new Heartbeat(ServiceStatus.RUNNING, null,
                1L, 2L, "test", 3, T0.plusSeconds(15), null, null)))).as("a new crash").isEqualTo(WRITE);
    }

    private void written(Instant sentAt, ReportedState state) {
        assertThat(memory.admit(node, sentAt, state)).isEqualTo(WRITE);
        memory.written(node, sentAt, state);
    }

    private static ReportedState state(ServiceStatus status) {
        return ReportedState.of(new Heartbeat(status, null, 1L, 2L, "test"));
    }
}
