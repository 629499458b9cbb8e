package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepPlanTest {

    private final StepPlan plan = new StepPlan(List.of(step("ALLOCATE"), step("SPAWN"), step("AWAIT")));

    @Test
    void aNewTaskStartsAtTheFirstStep() {
        assertThat(plan.current(dev.shoal.domain.task.Task.FIRST_STEP).name()).isEqualTo("ALLOCATE");
    }

    @Test
    void aResumedTaskContinuesAtTheStepItsRowNames() {
        assertThat(plan.current("SPAWN").name()).isEqualTo("SPAWN");
        assertThat(plan.after("SPAWN")).map(Workflow.Step::name).contains("AWAIT");
    }

    @Test
    void theLastStepHasNoSuccessor() {
        assertThat(plan.after("AWAIT")).isEmpty();
    }

    @Test
    void anEmptyWorkflowIsRefused() {
        assertThatThrownBy(() -> new StepPlan(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepNamedLikeANewTasksPlaceholderIsRefused() {
        assertThatThrownBy(() -> new StepPlan(List.of(step("ALLOCATE"), step(dev.shoal.domain.task.Task.FIRST_STEP))))
                .hasMessageContaining("no step may be named");
    }

    @Test
    void twoStepsOfOneNameAreRefused() {
        assertThatThrownBy(() -> new StepPlan(List.of(step("SPAWN"), step("SPAWN"))))
                .hasMessageContaining("SPAWN");
    }

    private static Workflow.Step step(String name) {
        return new Workflow.Step(name, 10, name, task -> Workflow.StepOutcome.DONE);
    }
}
