package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitingTasksTest {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<TaskLease> ran = new CopyOnWriteArrayList<>();
    private final WaitingTasks waiting = new WaitingTasks(timer, POLL, ran::add);
    private final TaskLease lease = new TaskLease(UUID.randomUUID(), "owner", 1);

    @AfterEach
    void stopTheTimer() {
        timer.shutdownNow();
    }

    @Test
    void aWaitingTaskRunsAgainAfterThePollIntervalHoldingNoThreadMeanwhile() throws Exception {
        waiting.waitFor(lease);

        assertThat(ran).as("not before its time").isEmpty();
        TimeUnit.MILLISECONDS.sleep(POLL.toMillis() * 2);
        assertThat(ran).containsExactly(lease);
    }

    @Test
    void aWakeUpRunsAWaitingTaskAtOnceAndOnlyOnce() throws Exception {
        waiting.waitFor(lease);

        waiting.wake(lease.taskId(), true);

        assertThat(ran).containsExactly(lease);
        TimeUnit.MILLISECONDS.sleep(POLL.toMillis() * 2);
        assertThat(ran).as("its timed run was called off").containsExactly(lease);
    }

    @Test
    void aWakeUpWhileTheStepStillRunsMakesItsNextRunDueAsSoonAsItWaits() {
        waiting.wake(lease.taskId(), true);

        waiting.waitFor(lease);

        assertThat(ran).containsExactly(lease);
    }

    @Test
    void aWakeUpForATaskThisRunnerDoesNotHoldOrThatEndedChangesNothing() throws Exception {
        waiting.wake(lease.taskId(), false);
        waiting.wake(lease.taskId(), true);
        waiting.forget(lease.taskId());

        waiting.waitFor(lease);

        assertThat(ran).isEmpty();
        TimeUnit.MILLISECONDS.sleep(POLL.toMillis() * 2);
        assertThat(ran).containsExactly(lease);
    }
}
