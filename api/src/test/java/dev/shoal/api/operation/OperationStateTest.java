package dev.shoal.api.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.domain.task.TaskState;
import org.junit.jupiter.api.Test;

class OperationStateTest {

    @Test
    void showsEachTaskStateInTheOperationsVocabulary() {
        assertThat(OperationState.of(TaskState.PENDING)).isEqualTo(OperationState.QUEUED);
        assertThat(OperationState.of(TaskState.RUNNING)).isEqualTo(OperationState.RUNNING);
        assertThat(OperationState.of(TaskState.COMPLETED)).isEqualTo(OperationState.SUCCEEDED);
        assertThat(OperationState.of(TaskState.FAILED)).isEqualTo(OperationState.FAILED);
    }

    @Test
    void filtersOnAStateMatchTheTaskStatesShownAsItAndTheReservedOnesMatchNone() {
        assertThat(OperationState.QUEUED.taskStates()).containsExactly(TaskState.PENDING);
        assertThat(OperationState.SUCCEEDED.taskStates()).containsExactly(TaskState.COMPLETED);
        assertThat(OperationState.CANCELLING.taskStates()).isEmpty();
        assertThat(OperationState.CANCELLED.taskStates()).isEmpty();
    }
}
