package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import dev.shoal.testsupport.TestServices;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A step that takes longer than a lease (a guest writing a backup) keeps its task: this service's own task manager
 * scans for tasks whose lease ran out every 200 ms and would take it over, and run its real workflow, otherwise.
 */
@SpringBootTest(properties = {"server.port=0", "shoal.taskmanager.lease-duration=1s",
        "shoal.taskmanager.scan-interval=200ms", "shoal.compute.local.first-address=127.0.55.1"})
class TaskLeaseIT extends RunnerTestTasks {


    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_taskmanager_lease_test", "shoal-taskmanager-lease-test");
        registry.add("shoal.compute.local.work-dir", () -> TaskRows.workDir("shoal-taskmanager-lease-it").toString());
    }

    @Test
    void aStepLongerThanTheLeaseKeepsItsTaskFromOtherTaskManagers() {
        UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
        Workflow slow = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("SLOW", 100, "Waiting on a guest for three leases", t -> {
                    Thread.sleep(3 * properties.leaseDuration().toMillis());
                    return StepOutcome.DONE;
                }));
        TaskRunner runner = runner(properties, slow);
        try {
            assertThat(runner.submit(task)).isTrue();

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> column(task, "state"), state -> !state.equals("RUNNING") && !state.equals("PENDING"));
            assertThat(column(task, "state")).isEqualTo("COMPLETED");
            assertThat(column(task, "attempts")).as("claimed once: nobody took it over").isEqualTo("1");
        } finally {
            runner.stop();
        }
    }
}
