package dev.shoal.conductor.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

import dev.shoal.conductor.ConductorProperties;
import dev.shoal.contracts.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class HeartbeatFlusherTest {

    private static final Instant T0 = Instant.parse("2026-12-07T04:00:00Z");
    private static final ConductorProperties PROPERTIES = new ConductorProperties(Duration.ofSeconds(10),
            Duration.ofSeconds(90), null, 3, Duration.ofHours(1));

    private final HeartbeatBuffer buffer = new HeartbeatBuffer();
    private final HeartbeatRows rows = mock(HeartbeatRows.class);
    private final HeartbeatFlusher flusher = new HeartbeatFlusher(buffer, rows, transactions(), PROPERTIES);
    private final UUID node = UUID.randomUUID();

    @Test
    void whatAFailedFlushDidNotWriteWaitsForTheNext() {
        buffer.offer(heartbeat(T0, 100L));
        willThrow(new QueryTimeoutException("database gone")).given(rows).writeStatuses(any());

        assertThat(flusher.flush()).isZero();

        assertThat(buffer.drain()).extracting(PendingHeartbeat::volumeUsedBytes).containsExactly(100L);
    }

    @Test
    void aHeartbeatArrivedDuringAFailedFlushIsKeptOverTheOlderOneItPutsBack() {
        buffer.offer(heartbeat(T0, 100L));
        given(rows.advanceLastSeen(any())).willAnswer(call -> {
            buffer.offer(heartbeat(T0.plusSeconds(10), 200L));
            throw new QueryTimeoutException("database gone");
        });

        flusher.flush();

        assertThat(buffer.drain()).extracting(PendingHeartbeat::volumeUsedBytes).containsExactly(200L);
    }

    @Test
    void aStopWritesWhatIsBuffered() {
        buffer.offer(heartbeat(T0, 100L));
        given(rows.writeStatuses(any())).willAnswer(call -> call.<List<?>>getArgument(0).size());

        flusher.stop();

        assertThat(buffer.size()).isZero();
        assertThat(flusher.isRunning()).isFalse();
    }

    private PendingHeartbeat heartbeat(Instant sentAt, long volumeUsed) {
        return new PendingHeartbeat(node, sentAt, sentAt, ServiceStatus.RUNNING, null, volumeUsed, 1L << 30, null,
                null, null, null, null);
    }

    private static TransactionTemplate transactions() {
        PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
        given(manager.getTransaction(any())).willAnswer(call -> new SimpleTransactionStatus());
        return new TransactionTemplate(manager);
    }
}
