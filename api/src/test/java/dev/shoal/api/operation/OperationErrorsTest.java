package dev.shoal.api.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.domain.task.TaskFailures;
import dev.shoal.domain.task.TaskKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperationErrorsTest {

    private static final String DEADLINE = TaskFailures.deadlineExceeded(Instant.parse("2026-12-06T10:00:00Z"),
            "AWAIT_MEMBERSHIP");

    @Test
    void aStepsOwnReasonIsAFailedStepNamingItWithTheKindsRemedy() {
        OperationView.Error error = OperationErrors.of(TaskKind.CREATE_INSTANCE, "instance",
                "Starting the guest agent failed: no address left", "SPAWN");

        assertThat(error.code()).isEqualTo("STEP_FAILED");
        assertThat(error.step()).isEqualTo("SPAWN");
        assertThat(error.reason()).isEqualTo("Starting the guest agent failed: no address left");
        assertThat(error.remediation()).isEqualTo("Delete the instance and create it again.");
    }

    @Test
    void theRunnersDeadlineIsADeadlineExceededAndAtAnAwaitStepPointsAtTheNodesGuestLog() {
        OperationView.Error error = OperationErrors.of(TaskKind.GROW_CLUSTER, "cluster", DEADLINE,
                "AWAIT_MEMBERSHIP");

        assertThat(error.code()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(error.remediation()).contains("guest.log").contains("replace the node");
    }

    @Test
    void aDeadlineAtAStepThatAwaitsNoNodeGetsTheKindsRemedy() {
        assertThat(OperationErrors.of(TaskKind.CREATE_CLUSTER, "cluster", TaskFailures.deadlineExceeded(
                Instant.EPOCH, "JOIN"), "JOIN").remediation()).isEqualTo("Delete the cluster and create it again.");
    }

    @Test
    void anUndoThatFailedTooIsAnUndoFailedWhateverFailedFirst() {
        OperationView.Error error = OperationErrors.of(TaskKind.CREATE_BACKUP, "backup",
                TaskFailures.undoFailed(DEADLINE, "the node is gone"), "AWAIT_MEMBERSHIP");

        assertThat(error.code()).isEqualTo("UNDO_FAILED");
        assertThat(error.remediation()).contains("delete the backup");
    }

    @Test
    void everyKindHasARemedy() {
        for (TaskKind kind : TaskKind.values()) {
            for (OperationErrors.Code code : OperationErrors.Code.values()) {
                assertThat(OperationErrors.remediation(code, kind, "instance", "AWAIT_ACTIVE")).as(kind + " " + code)
                        .isNotBlank().endsWith(".");
            }
        }
    }
}
