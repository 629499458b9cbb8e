package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.shoal.bench.SyntheticTenant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Heartbeats of many nodes published as fast as a few threads can, into one queue whose consumer is measured. The
 * queue is kept full but short ({@link #BACKLOG} ready messages at most): full, so its consumer never waits for
 * work and shows its own limit; short, so a real node's heartbeat in the same queue is not held up for long behind
 * the flood.
 */
final class Flood implements AutoCloseable {

    static final int BACKLOG = 2_000;
    private static final long POLL_NANOS = 20_000_000;

    private final Connection connection;
    private final String queue;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong ready = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong emptySamples = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Exception failure;

    private Flood(Connection connection, String queue) {
        this.connection = connection;
        this.queue = queue;
    }

    /**
     * Starts {@code publishers} threads, each sending the heartbeats of its share of {@code nodes} in turn through
     * {@code exchange} with {@code routingKey}, which routes them to {@code queue}.
     */
    static Flood start(ConnectionFactory broker, String exchange, String routingKey, String queue,
                       List<SyntheticTenant.Node> nodes, HeartbeatMessages messages, int publishers)
            throws IOException, TimeoutException {
        Flood flood = new Flood(broker.newConnection("bench-flood"), queue);
        flood.watchBacklog();
        for (int p = 0; p < publishers; p++) {
            List<SyntheticTenant.Node> share = HeartbeatMessages.share(nodes, p, publishers);
            Channel channel = flood.connection.createChannel();
            Thread thread = new Thread(() -> flood.publish(channel, exchange, routingKey, share, messages),
                    "flood-" + p);
            thread.start();
            flood.threads.add(thread);
        }
        return flood;
    }

    private void publish(Channel channel, String exchange, String routingKey, List<SyntheticTenant.Node> nodes,
                         HeartbeatMessages messages) {
        try {
            for (int i = 0; !stopping; i = (i + 1) % nodes.size()) {
                while (ready.get() > BACKLOG && !stopping) {
                    LockSupport.parkNanos(1_000_000);
                }
                HeartbeatMessages.Message message = messages.next(nodes.get(i));
                channel.basicPublish(exchange, routingKey, message.properties(), message.body());
                published.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
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
