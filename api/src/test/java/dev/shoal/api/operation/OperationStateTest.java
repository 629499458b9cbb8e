package dev.shoal.api.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationStateTest {

    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void showsEachTaskStateInTheOperationsVocabulary() {
        assertThat(OperationState.of(task())).isEqualTo(OperationState.QUEUED);
        Task done = task();
        done.complete("built", now);
        assertThat(OperationState.of(done)).isEqualTo(OperationState.SUCCEEDED);
        Task failed = task();
        failed.fail("the server did not start", now);
        assertThat(OperationState.of(failed)).isEqualTo(OperationState.FAILED);
    }

    @Test
    void aTaskUndoingWhatItAddedOnRequestIsCancellingUntilItEndsCancelled() {
        Task task = task();
        task.startCancel("SPAWN", now);
        assertThat(OperationState.of(task)).isEqualTo(OperationState.CANCELLING);

        task.cancelled(now);

        assertThat(OperationState.of(task)).isEqualTo(OperationState.CANCELLED);
        assertThat(task.getMessage()).isEqualTo("Cancelled at step SPAWN");
    }

    @Test
    void aTaskUndoingAFailureIsStillRunningNotCancelling() {
        Task task = task();
        task.startUndo(null, "the server did not start", now);

        assertThat(OperationState.of(task)).isEqualTo(OperationState.QUEUED);
    }

    private Task task() {
        return new Task("t", TaskKind.CREATE_INSTANCE, "instance", UUID.randomUUID(), null, "ci", now,
                Duration.ofMinutes(10));
    }
}
