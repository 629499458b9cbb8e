package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.domain.leader.Leadership;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import dev.shoal.testsupport.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The runner's threads, fencing and history against PostgreSQL, with runners of the test's own: waiting steps hold no
 * thread, a task manager that lost its task writes nothing more for it, and finished tasks are pruned past their
 * retention by the leader. The service's own scanner is kept out of the way.
 */
@SpringBootTest(properties = {"server.port=0", "shoal.taskmanager.lease-duration=1s",
        "shoal.taskmanager.scan-interval=1h", "shoal.taskmanager.poll-interval=20ms",
        "shoal.compute.local.first-address=127.0.56.1"})
class TaskRunnerIT extends RunnerTestTasks {

    @Autowired
    FinishedTaskPruner pruner;
    @Autowired
    Leadership leadership;
    @Autowired
    List<Workflow> workflows;


    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_taskmanager_runner_test", "shoal-taskmanager-runner-test");
        registry.add("shoal.compute.local.work-dir", () -> TaskRows.workDir("shoal-taskmanager-runner-it").toString());
    }

    @Test
    void waitingTasksHoldNoThreadAHundredWaitOnFourWorkers() {
        int builds = 100;
        Set<UUID> seenWaiting = ConcurrentHashMap.newKeySet();
        // every task waits until all of them have waited at once: on four workers only if a wait frees its thread
        Workflow build = new StepListWorkflow(TaskKind.CREATE_INSTANCE, null, (t, error, reason) -> { },
                new Step("AWAIT_ALL", 100, "Waiting for every other build", t -> {
                    seenWaiting.add(t.getId());
                    return seenWaiting.size() < builds ? StepOutcome.WAIT : StepOutcome.DONE;
                }));
        TaskRunner runner = runner(fourWorkers(), build);
        List<UUID> ids = new ArrayList<>();
        try {
            for (int i = 0; i < builds; i++) {
                UUID task = insertTask(TaskKind.CREATE_INSTANCE);
                ids.add(task);
                assertThat(runner.submit(task)).isTrue();
            }

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ids.stream().allMatch(id -> column(id, "state").equals("COMPLETED")));
            assertThat(ids).allSatisfy(id -> assertThat(column(id, "attempts")).isEqualTo("1"));
        } finally {
            runner.stop();
        }
    }

    @Test
    void aTaskManagerThatLostItsTaskWritesNothingMoreForIt() throws Exception {
        UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        Workflow paused = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("PAUSED", 50, "Writes its parameters, then is paused past its lease", t -> {
                    t.recordParameters("{\"by\": \"the first task manager\"}", clock.instant());
                    inStep.countDown();
                    resume.await();
                    return StepOutcome.DONE;
                }),
                new Step("NEXT", 100, "Never reached by the first", t -> StepOutcome.WAIT));
        TaskRunner first = runner(properties, paused);
        try {
            assertThat(first.submit(task)).isTrue();
            assertThat(inStep.await(10, TimeUnit.SECONDS)).isTrue();
            long firstEpoch = Long.parseLong(column(task, "lease_epoch"));
            // as if the first had been paused past its lease: the lease runs out and another task manager claims it
            // (in one transaction, so that the first's lease keeper, which skips a locked row, cannot renew between)
            TaskLease second = transactions.execute(status -> {
                jdbc.sql("update tasks set lease_until = now() - interval '1 second' where id = ?").param(task)
                        .update();
                return leases.claim(task, "the-second-task-manager", Duration.ofMinutes(1)).orElseThrow();
            });
            assertThat(second.epoch()).isGreaterThan(firstEpoch);

            resume.countDown();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !first.isRunning(task));
            assertThat(column(task, "parameters")).as("the first's step rolled back").isNull();
            assertThat(column(task, "step")).isEqualTo("START");
            assertThat(column(task, "lease_owner")).isEqualTo("the-second-task-manager");
            assertThat(column(task, "lease_epoch")).isEqualTo(Long.toString(second.epoch()));
            assertThat(leases.renew(new TaskLease(task, first.owner(), firstEpoch), Duration.ofMinutes(1)))
                    .as("a stale epoch renews nothing").isFalse();
        } finally {
            resume.countDown();
            first.stop();
        }
    }

    @Test
    void theLeaderPrunesTasksFinishedPastTheirRetentionAndNothingElse() {
        UUID old = insertTask(TaskKind.RESIZE_INSTANCE);
        UUID recent = insertTask(TaskKind.RESIZE_INSTANCE);
        UUID oldButOpen = insertTask(TaskKind.RESIZE_INSTANCE);
        jdbc.sql("update tasks set state = 'COMPLETED', finished_at = now() - interval '31 days' where id = ?")
                .param(old).update();
        jdbc.sql("update tasks set state = 'FAILED', finished_at = now() - interval '29 days' where id = ?")
                .param(recent).update();
        jdbc.sql("update tasks set created = now() - interval '40 days' where id = ?").param(oldButOpen).update();
        await("this task manager leads").atMost(Duration.ofSeconds(20)).until(leadership::leads);

        pruner.prune();

        assertThat(jdbc.sql("select id from tasks where id in (?, ?, ?)").param(old).param(recent).param(oldButOpen)
                .query(UUID.class).list()).containsExactlyInAnyOrder(recent, oldButOpen);
    }

    @Test
    void aStepsComputeWorkHoldsNeitherItsThreadNorATransaction() throws Exception {
        SlowCall provision = new SlowCall();
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("PROVISION", 100, "Provisioning through a slow driver", t -> {
                    t.recordParameters("{\"placed\": " + provision.call("compute.provision") + "}", clock.instant());
                    return StepOutcome.DONE;
                }));
        TaskRunner runner = runner(workers(1), build, quickWorkflow());
        try {
            UUID slow = insertTask(TaskKind.RESIZE_INSTANCE);
            assertThat(runner.submit(slow)).isTrue();
            provision.awaitStarted();

            assertNothingHeldWhileItWaits(runner, slow);
            provision.release();

            await().atMost(Duration.ofSeconds(10)).until(() -> column(slow, "state").equals("COMPLETED"));
            assertThat(column(slow, "parameters")).isEqualTo("{\"placed\": true}");
        } finally {
            provision.release();
            runner.stop();
        }
    }

    @Test
    void aFailedTaskUndoesWhatItDidAsAStepAndEndsFailedWithItsReason() throws Exception {
        SlowCall destroy = new SlowCall();
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, NodeTask.BUILDING_ERROR_TIMEOUT_GA,
                (t, error, reason) -> t.recordParameters("{\"removed\": " + destroy.call("compute.destroy")
                        + ", \"left in\": \"" + error + "\"}", clock.instant()),
                new Step("SPAWN", 50, "Starting the server", t -> {
                    throw new StepFailure(NodeTask.BUILDING_ERROR_SERVER, "the server did not start");
                }));
        TaskRunner runner = runner(workers(1), build, quickWorkflow());
        try {
            UUID failing = insertTask(TaskKind.RESIZE_INSTANCE);
            assertThat(runner.submit(failing)).isTrue();
            destroy.awaitStarted();

            assertThat(column(failing, "undoing")).isEqualTo("true");
            assertThat(column(failing, "error")).isEqualTo("the server did not start");
            assertNothingHeldWhileItWaits(runner, failing);
            destroy.release();

            await().atMost(Duration.ofSeconds(10)).until(() -> column(failing, "state").equals("FAILED"));
            assertThat(column(failing, "error")).isEqualTo("the server did not start");
            assertThat(column(failing, "parameters"))
                    .isEqualTo("{\"removed\": true, \"left in\": \"BUILDING_ERROR_SERVER\"}");
        } finally {
            destroy.release();
            runner.stop();
        }
    }

    @Test
    void aCancelAskedWhileAStepWaitsUndoesWhatTheTaskAddedHoldingNothingAndEndsItCancelled() throws Exception {
        SlowCall destroy = new SlowCall();
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("ADD", 50, "Waiting for a node that never comes", t -> StepOutcome.WAIT),
                new Step("FINISH", 100, "Never reached", t -> StepOutcome.DONE))
                .cancellableBefore(null, t -> t.recordParameters(
                        "{\"removed\": " + destroy.call("compute.destroy") + "}", clock.instant()));
        TaskRunner runner = runner(workers(1), build, quickWorkflow());
        try {
            UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
            assertThat(runner.submit(task)).isTrue();
            await("waiting at its first step").atMost(Duration.ofSeconds(10))
                    .until(() -> column(task, "started") != null && !"0".equals(column(task, "step_round")));

            jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(task).update();

            destroy.awaitStarted();
            assertThat(column(task, "cancelling")).isEqualTo("true");
            assertNothingHeldWhileItWaits(runner, task);
            destroy.release();
            await().atMost(Duration.ofSeconds(10)).until(() -> column(task, "state").equals("CANCELLED"));
            assertThat(column(task, "parameters")).isEqualTo("{\"removed\": true}");
            assertThat(column(task, "message")).isEqualTo("Cancelled at step ADD");
            assertThat(column(task, "finished_at")).isNotNull();
            assertThat(jdbc.sql("""
                    select name || ' ' || state || ' ' || cancellable from operation_steps
                     where task_id = ? order by position""").param(task).query(String.class).list())
                    .containsExactly("ADD CANCELLED true", "FINISH PENDING true", "UNDO DONE false");
        } finally {
            destroy.release();
            runner.stop();
        }
    }

    @Test
    void aCancelAskedPastThePointOfNoReturnIsDroppedAndTheTaskCarriesOn() {
        java.util.concurrent.atomic.AtomicBoolean mayFinish = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("PLAN", 10, "Cancellable", t -> StepOutcome.DONE),
                new Step("JOIN", 100, "Past the point of no return",
                        t -> mayFinish.get() ? StepOutcome.DONE : StepOutcome.WAIT))
                .cancellableBefore("JOIN", t -> cancelled.set(true));
        TaskRunner runner = runner(workers(1), build);
        try {
            UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
            assertThat(runner.submit(task)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> "JOIN".equals(column(task, "step")));

            jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(task).update();

            await().atMost(Duration.ofSeconds(10)).until(() -> column(task, "cancel_requested_at") == null);
            mayFinish.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> column(task, "state").equals("COMPLETED"));
            assertThat(cancelled).isFalse();
            assertThat(jdbc.sql("select name || ' ' || cancellable from operation_steps where task_id = ?"
                    + " order by position").param(task).query(String.class).list())
                    .containsExactly("PLAN true", "JOIN false");
        } finally {
            runner.stop();
        }
    }

    @Test
    void aCancelAskedWhileTheLastCancellableStepRunsIsTakenBeforeThePointOfNoReturnBegins() {
        java.util.concurrent.atomic.AtomicBoolean joined = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean undone = new java.util.concurrent.atomic.AtomicBoolean();
        UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
        Workflow build = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("SPAWN", 10, "Cancelled while it runs", t -> {
                    jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(task).update();
                    return StepOutcome.DONE;
                }),
                new Step("JOIN", 100, "The point of no return", t -> {
                    joined.set(true);
                    return StepOutcome.DONE;
                }))
                .cancellableBefore("JOIN", t -> undone.set(true));
        TaskRunner runner = runner(workers(1), build);
        try {
            assertThat(runner.submit(task)).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> column(task, "state").equals("CANCELLED"));
            assertThat(joined).as("the point of no return never began").isFalse();
            assertThat(undone).isTrue();
            assertThat(column(task, "message")).isEqualTo("Cancelled at step SPAWN");
        } finally {
            runner.stop();
        }
    }

    @Test
    void exactlyTheKindsSaidToBeCancellableHaveStepsToCancelAt() {
        assertThat(workflows).isNotEmpty().allSatisfy(workflow -> assertThat(workflow.cancellableSteps().isEmpty())
                .as(workflow.kind().name()).isEqualTo(!workflow.kind().isCancellable()));
    }

    /** Its only worker runs another task meanwhile, and no session of the database stays inside a transaction. */
    private void assertNothingHeldWhileItWaits(TaskRunner runner, UUID waiting) {
        assertThat(column(waiting, "state")).isEqualTo("RUNNING");
        UUID quick = insertTask(TaskKind.ENABLE_ROOT);
        assertThat(runner.submit(quick)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> column(quick, "state").equals("COMPLETED"));
        // waiting steps look again every poll in short transactions: only a transaction held on is one too many
        assertThat(jdbc.sql("""
                select count(*) from pg_stat_activity
                 where datname = current_database() and state like 'idle in transaction%'
                   and state_change < now() - interval '1 second'
                """).query(Long.class).single()).isZero();
        assertThat(runner.isRunning(waiting)).isTrue();
    }

    /** A compute call of a node that blocks until released, as a slow driver's does; true once released. */
    private final class SlowCall {
        private final UUID node = UUID.randomUUID();
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        boolean call(String type) {
            return remote.call(node, type, () -> {
                started.countDown();
                try {
                    return released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }

        void awaitStarted() throws InterruptedException {
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the call started").isTrue();
        }

        void release() {
            released.countDown();
        }
    }

    private static Workflow quickWorkflow() {
        return new StepListWorkflow(TaskKind.ENABLE_ROOT, null, (t, error, reason) -> { },
                new Step("QUICK", 100, "Done at once", t -> StepOutcome.DONE));
    }

    private TaskManagerProperties fourWorkers() {
        return workers(4);
    }

    private TaskManagerProperties workers(int workers) {
        return new TaskManagerProperties(properties.pollInterval(), properties.leaseDuration(),
                properties.scanInterval(), properties.guestCallTimeoutLow(), properties.guestCallTimeoutHigh(),
                properties.guestCallTimeoutBackup(), workers, properties.remoteWorkers(),
                properties.maxDeliveryAttempts(), properties.statusNotifications());
    }
}
