package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.AMQP;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker's own pace: consumers that do nothing with a message but acknowledge it, as many as the conductor's
 * listener runs at most, each on its own channel with the listener's prefetch, each message acknowledged on its
 * own once handled, as the listener's container does.
 */
final class PlainConsumers implements AutoCloseable {

    /** The conductor's listener: concurrency "2-4", prefetch 50 (ConductorMessagingConfiguration). */
    static final int CONSUMERS = 4;
    static final int PREFETCH = 50;

    private final Connection connection;
    private final AtomicLong consumed = new AtomicLong();

    private PlainConsumers(Connection connection) {
        this.connection = connection;
    }

    static PlainConsumers start(ConnectionFactory broker, String queue) throws IOException, TimeoutException {
        PlainConsumers consumers = new PlainConsumers(broker.newConnection("bench-floor-consumers"));
        for (int i = 0; i < CONSUMERS; i++) {
            Channel channel = consumers.connection.createChannel();
            channel.basicQos(PREFETCH);
            channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                           byte[] body) throws IOException {
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                    consumers.consumed.incrementAndGet();
                }
            });
        }
        return consumers;
    }

    long consumed() {
        return consumed.get();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
