package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import dev.shoal.testsupport.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The runner records each task's steps for its operation, in its fenced writes, with runners of the test's own. */
@SpringBootTest(properties = {"server.port=0", "shoal.taskmanager.lease-duration=1s",
        "shoal.taskmanager.scan-interval=1h", "shoal.taskmanager.poll-interval=20ms",
        "shoal.compute.local.first-address=127.0.57.1"})
class StepHistoryIT extends RunnerTestTasks {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_taskmanager_steps_test", "shoal-taskmanager-steps-test");
        registry.add("shoal.compute.local.work-dir", () -> TaskRows.workDir("shoal-taskmanager-steps-it").toString());
    }

    @Test
    void recordsThePlanThenEachStepRunningAndDoneWithItsTimes() {
        AtomicBoolean released = new AtomicBoolean();
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("FIRST", 30, "The first step", t -> StepOutcome.DONE),
                new Step("SECOND", 60, "Waits until released", t -> released.get() ? StepOutcome.DONE
                        : StepOutcome.WAIT),
                new Step("THIRD", 100, "The last step", t -> StepOutcome.DONE));
        TaskRunner runner = runner(properties, build);
        try {
            UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
            assertThat(runner.submit(task)).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> states(task).equals(List.of("DONE", "RUNNING",
                    "PENDING")));
            assertThat(column(task, "started")).isNotNull();
            released.set(true);

            await().atMost(Duration.ofSeconds(10)).until(() -> column(task, "state").equals("COMPLETED"));
            List<Row> steps = steps(task);
            assertThat(steps).extracting(Row::name, Row::description, Row::state).containsExactly(
                    tuple("FIRST", "The first step", "DONE"), tuple("SECOND", "Waits until released", "DONE"),
                    tuple("THIRD", "The last step", "DONE"));
            assertThat(steps).allSatisfy(step -> {
                assertThat(step.started()).isNotNull();
                assertThat(step.finished()).isAfterOrEqualTo(step.started());
            });
            assertThat(steps.get(1).started()).isAfterOrEqualTo(steps.get(0).finished());
        } finally {
            runner.stop();
        }
    }

    @Test
    void aFailedStepIsRecordedWithItsReasonAndTheUndoAsAStepAfterIt() {
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("FIRST", 30, "The first step", t -> StepOutcome.DONE),
                new Step("SPAWN", 60, "Starting the server", t -> {
                    throw new StepFailure(NodeTask.BUILDING_ERROR_SERVER, "the server did not start");
                }),
                new Step("NEVER", 100, "Never reached", t -> StepOutcome.DONE));
        TaskRunner runner = runner(properties, build);
        try {
            UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
            assertThat(runner.submit(task)).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> column(task, "state").equals("FAILED"));
            assertThat(steps(task)).extracting(Row::name, Row::state, Row::message).containsExactly(
                    tuple("FIRST", "DONE", null), tuple("SPAWN", "FAILED", "the server did not start"),
                    tuple("NEVER", "PENDING", null), tuple("UNDO", "DONE", null));
            assertThat(steps(task).get(1).finished()).isNotNull();
            assertThat(steps(task).get(2).started()).isNull();
        } finally {
            runner.stop();
        }
    }

    @Test
    void aTaskPastItsDeadlineFailsTheStepItStoodAt() {
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("AWAIT_ACTIVE", 100, "Waiting for the datastore to run", t -> StepOutcome.WAIT));
        TaskRunner runner = runner(properties, build);
        try {
            UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
            jdbc.sql("update tasks set deadline = now() - interval '1 second' where id = ?").param(task).update();
            assertThat(runner.submit(task)).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> column(task, "state").equals("FAILED"));
            assertThat(steps(task)).extracting(Row::name, Row::state).containsExactly(
                    tuple("AWAIT_ACTIVE", "FAILED"), tuple("UNDO", "DONE"));
            assertThat(steps(task).get(0).message()).startsWith("did not finish within its deadline");
        } finally {
            runner.stop();
        }
    }

    @Test
    void aTaskManagerThatLostItsTaskRecordsNoMoreOfItsSteps() throws Exception {
        UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        Workflow paused = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("PAUSED", 50, "Paused past its lease", t -> {
                    inStep.countDown();
                    resume.await();
                    return StepOutcome.DONE;
                }),
                new Step("NEXT", 100, "Never reached by the first", t -> StepOutcome.DONE));
        TaskRunner first = runner(properties, paused);
        try {
            assertThat(first.submit(task)).isTrue();
            assertThat(inStep.await(10, TimeUnit.SECONDS)).isTrue();
            List<Row> before = steps(task);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("update tasks set lease_until = now() - interval '1 second' where id = ?").param(task)
                        .update();
                leases.claim(task, "the-second-task-manager", Duration.ofMinutes(1)).orElseThrow();
            });

            resume.countDown();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !first.isRunning(task));
            assertThat(before).extracting(Row::state).containsExactly("RUNNING", "PENDING");
            assertThat(steps(task)).as("the first's step is not recorded done, nor the next started")
                    .isEqualTo(before);
        } finally {
            resume.countDown();
            first.stop();
        }
    }

    private List<String> states(UUID task) {
        return steps(task).stream().map(Row::state).toList();
    }

    private List<Row> steps(UUID task) {
        return jdbc.sql("""
                        select name, description, state, started, finished, message from operation_steps
                        where task_id = ? order by position""")
                .param(task)
                .query((row, n) -> new Row(row.getString(1), row.getString(2), row.getString(3),
                        instant(row.getTimestamp(4)), instant(row.getTimestamp(5)), row.getString(6)))
                .list();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(String name, String description, String state, Instant started, Instant finished,
                       String message) {
    }
}
