package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.taskmanager.TaskManagerProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;

class RemoteCallsTest {

    private final RemoteCalls calls = new RemoteCalls(new TaskManagerProperties(Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(180),
            Duration.ofSeconds(1800), 8, 4, 3, true), new TaskWakeups(), Clock.systemUTC());
    private final UUID node = UUID.randomUUID();

    @AfterEach
    void stop() {
        calls.stop();
    }

    @Test
    void aStepsCallRunsOnAnotherThreadOnceAndTheNextRunOfTheRoundFindsItsResult() {
        TaskLease lease = new TaskLease(UUID.randomUUID(), "owner", 7);
        AtomicInteger runs = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch answered = new CountDownLatch(1);
        RemoteCalls.Work<Integer, InterruptedException> work = () -> {
            threads.add(Thread.currentThread().getName());
            answered.await();
            return 40 + runs.incrementAndGet();
        };

        assertThatThrownBy(() -> inStep(lease, 0, () -> calls.call(node, "status", work)))
                .isInstanceOf(AwaitingAnswer.class);
        assertThatThrownBy(() -> inStep(lease, 0, () -> calls.call(node, "status", work)))
                .as("a run before the answer waits again").isInstanceOf(AwaitingAnswer.class);
        answered.countDown();
        eventually(() -> assertThat(inStep(lease, 0, () -> calls.call(node, "status", work))).isEqualTo(41));
        assertThat(inStep(lease, 0, () -> calls.call(node, "status", work))).isEqualTo(41);
        assertThat(runs).as("asked once in the round").hasValue(1);
        assertThat(threads).containsExactly("remote-work");

        eventually(() -> assertThat(inStep(lease, 1, () -> calls.call(node, "status", work)))
                .as("the next round asks afresh").isEqualTo(42));
    }

    @Test
    void outsideAStepACallRunsInItsCaller() {
        String caller = Thread.currentThread().getName();

        assertThat(calls.call(node, "status", () -> Thread.currentThread().getName())).isEqualTo(caller);
    }

    @Test
    void aFailureIsThrownInEveryRunOfTheRoundButAnOutageIsAskedAgain() {
        TaskLease lease = new TaskLease(UUID.randomUUID(), "owner", 1);
        AtomicInteger runs = new AtomicInteger();
        RemoteCalls.Work<String, Exception> failing = () -> {
            runs.incrementAndGet();
            throw new Exception("no such flavor");
        };
        eventually(() -> assertThatThrownBy(() -> inStep(lease, 0, () -> calls.call(node, "provision", failing)))
                .hasMessage("no such flavor"));
        assertThatThrownBy(() -> inStep(lease, 0, () -> calls.call(node, "provision", failing)))
                .hasMessage("no such flavor");
        assertThat(runs).hasValue(1);

        UUID other = UUID.randomUUID();
        RemoteCalls.Work<String, RuntimeException> outage = () -> {
            if (runs.incrementAndGet() == 2) {
                throw new AmqpConnectException(new java.net.ConnectException("broker restarting"));
            }
            return "done";
        };
        eventually(() -> assertThatThrownBy(() -> inStep(lease, 0, () -> calls.call(other, "provision", outage)))
                .isInstanceOf(AmqpConnectException.class));
        eventually(() -> assertThat(inStep(lease, 0, () -> calls.call(other, "provision", outage)))
                .as("asked again").isEqualTo("done"));
        assertThat(runs).hasValue(3);
    }

    @Test
    void aNodesCallsRunOneAfterAnotherInTheOrderAsked() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        List<String> finished = new CopyOnWriteArrayList<>();
        TaskLease first = new TaskLease(UUID.randomUUID(), "owner", 1);
        TaskLease second = new TaskLease(UUID.randomUUID(), "owner", 1);

        assertThatThrownBy(() -> inStep(first, 0, () -> calls.call(node, "firewall.a", () -> {
            firstMayEnd.await();
            return finished.add("older rules");
        }))).isInstanceOf(AwaitingAnswer.class);
        assertThatThrownBy(() -> inStep(second, 0, () -> calls.call(node, "firewall.b",
                () -> finished.add("newer rules")))).isInstanceOf(AwaitingAnswer.class);
        // seven more workers are free: only the node's order keeps the newer rules back
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(finished).isEmpty();
        firstMayEnd.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> finished.size() == 2);
        assertThat(finished).containsExactly("older rules", "newer rules");
    }

    /** Until the call's answer is in: before, its step's run meets {@link AwaitingAnswer} and the assertion fails. */
    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .ignoreException(AwaitingAnswer.class).untilAsserted(assertion);
    }

    private static <T> T inStep(TaskLease lease, int round, java.util.concurrent.Callable<T> call) {
        return RunningStep.during(lease, "STEP", round, () -> {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
