package dev.shoal.bench.heartbeat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/** A copy of what a real guest sends the conductor, taken from the exchange by a queue of the bench's own. */
final class RealHeartbeat {

    private RealHeartbeat() {
    }

    static byte[] capture(ConnectionFactory broker, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        MessageCodec codec = new MessageCodec();
        try (Connection connection = broker.newConnection("bench-capture");
             Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                GetResponse copy = channel.basicGet(queue, true);
                if (copy == null) {
                    Thread.sleep(100);
                } else if (MessageTypes.HEARTBEAT.equals(codec.decode(copy.getBody()).type())) {
                    return copy.getBody();
                }
            }
        }
        throw new IOException("no guest heartbeat on the exchange within " + timeout.toSeconds() + " s");
    }
}
