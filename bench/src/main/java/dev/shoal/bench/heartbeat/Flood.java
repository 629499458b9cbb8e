package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Heartbeats made beforehand, each sent once, published as fast as a few threads can into one queue. Into the
 * conductor's, the queue is kept full but short ({@link #BACKLOG} ready messages at most): full, so its consumer
 * never waits for work and shows its own limit; short, so a real node's heartbeat in the same queue is not held up
 * for long behind the flood.
 */
final class Flood implements AutoCloseable {

    /** Ready messages the conductor's queue holds at most during its flood. */
    static final int BACKLOG = 2_000;
    private static final long POLL_NANOS = 20_000_000;
    /**
     * Messages a publisher sends before waiting for the broker to confirm them: without it, a broker slowing its
     * publishers down (credit flow) leaves thousands in socket buffers, unseen by the backlog's count.
     */
    private static final int CONFIRM_BATCH = 500;
    private static final long CONFIRM_TIMEOUT_MS = 30_000;

    private final Connection connection;
    private final String queue;
    private final long backlog;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong ready = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong emptySamples = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Thread> publishers = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Exception failure;

    private Flood(Connection connection, String queue, long backlog) {
        this.connection = connection;
        this.queue = queue;
        this.backlog = backlog;
    }

    /**
     * Starts a thread per share, each sending its messages in order through {@code exchange} with
     * {@code routingKey}, which routes them to {@code queue}.
     *
     * @param backlog ready messages the queue holds at most: publishers wait while it holds more
     */
    static Flood start(ConnectionFactory broker, String exchange, String routingKey, String queue,
                       List<List<HeartbeatMessages.Message>> shares, long backlog)
            throws IOException, TimeoutException {
        Flood flood = new Flood(broker.newConnection("bench-flood"), queue, backlog);
        flood.watchBacklog();
        for (List<HeartbeatMessages.Message> share : shares) {
            Channel channel = flood.connection.createChannel();
            channel.confirmSelect();
            Thread thread = new Thread(() -> flood.publish(channel, exchange, routingKey, share),
                    "flood-" + flood.threads.size());
            thread.start();
            flood.threads.add(thread);
            flood.publishers.add(thread);
        }
        return flood;
    }

    private void publish(Channel channel, String exchange, String routingKey, List<HeartbeatMessages.Message> share) {
        try {
            for (int i = 0; !stopping && i < share.size(); i++) {
                while (ready.get() > backlog && !stopping) {
                    LockSupport.parkNanos(1_000_000);
                }
                HeartbeatMessages.Message message = share.get(i);
                channel.basicPublish(exchange, routingKey, message.properties(), message.body());
                if ((i + 1) % CONFIRM_BATCH == 0 || i + 1 == share.size()) {
                    channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                }
                published.incrementAndGet();
            }
        } catch (IOException | RuntimeException | TimeoutException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every publisher has sent all it had. */
    boolean exhausted() {
        return publishers.stream().noneMatch(Thread::isAlive);
    }

    private void watchBacklog() throws IOException {
        Channel channel = connection.createChannel();
        Thread thread = new Thread(() -> {
            try {
                while (!stopping) {
                    long count = channel.messageCount(queue);
                    ready.set(count);
                    samples.incrementAndGet();
                    if (count == 0) {
                        emptySamples.incrementAndGet();
                    }
                    LockSupport.parkNanos(POLL_NANOS);
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }, "flood-backlog");
        thread.start();
        threads.add(thread);
    }

    long published() {
        return published.get();
    }

    long ready() {
        return ready.get();
    }

    /** The share of backlog readings that found the queue empty: above a few percent, publishing was the limit. */
    double emptyShare() {
        return samples.get() == 0 ? 0 : (double) emptySamples.get() / samples.get();
    }

    void requireRunning() throws IOException {
        if (failure != null) {
            throw new IOException("the flood stopped: " + failure, failure);
        }
    }

    /** Stops publishing; what is queued stays for its consumer. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        connection.close();
    }
}
