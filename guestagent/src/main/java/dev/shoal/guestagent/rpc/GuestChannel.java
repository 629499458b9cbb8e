package dev.shoal.guestagent.rpc;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.guestagent.broker.BrokerAddress;
import dev.shoal.guestagent.broker.BrokerAddressFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guest's one AMQP connection: it consumes only its own queue and publishes signed messages.
 * The client's automatic recovery reconnects, re-declares and re-consumes after a broker outage, asking the
 * node's broker file where the broker is on every attempt, so a guest follows a broker that moved.
 */
public final class GuestChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuestChannel.class);
    /** An address the broker left may swallow packets: each attempt gives up soon, and the next reads the file. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final Connection connection;
    private final Channel consumer;
    private final Channel publisher;
    private final String nodeId;
    private final NodeSecret secret;
    private final MessageCodec codec;
    private final List<Runnable> recoveryHooks = new CopyOnWriteArrayList<>();

    public GuestChannel(BrokerAddressFile brokers, String nodeId, NodeSecret secret, MessageCodec codec)
            throws IOException, TimeoutException {
        BrokerAddress start = brokers.startConnection();
        ConnectionFactory factory = new ConnectionFactory();
        try {
            // TLS, virtual host and URI options as the client reads them; they stay for this connection's life
            factory.setUri(start.uri());
        } catch (Exception e) {
            throw new IllegalArgumentException("not an AMQP URI: " + start, e);
        }
        // set after setUri, which installs fixed credentials of its own
        factory.setCredentialsProvider(brokers);
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        this.connection = factory.newConnection(null, brokers, "guestagent-" + nodeId);
        ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recovered) {
                log.info("broker connection of node {} recovered through {}", nodeId, brokers.lastResolved());
                for (Runnable hook : recoveryHooks) {
                    try {
                        hook.run();
                    } catch (RuntimeException e) {
                        log.warn("after the recovery of node {}: {}", nodeId, e.toString());
                    }
                }
            }

            @Override
            public void handleRecoveryStarted(Recoverable recovering) {
                log.warn("broker connection of node {} lost; recovering", nodeId);
            }
        });
        this.nodeId = nodeId;
        this.secret = secret;
        this.codec = codec;
        try {
            this.consumer = connection.createChannel();
            this.publisher = connection.createChannel();
            // The task manager declares the exchange, this queue and its binding before the guest starts: a node's
            // own broker account may not declare (that would let it delete them too), only look. A queue not there
            // yet fails this attempt, and the caller tries again.
            consumer.queueDeclarePassive(Routing.guestQueue(nodeId));
            consumer.basicQos(4);
        } catch (IOException | RuntimeException e) {
            connection.abort();
            throw e;
        }
    }

    /**
     * Runs {@code hook} on the client's recovery thread each time the connection is back, its channels,
     * queue and consumer recovered; a hook should hand longer work to a thread of its own.
     */
    public void onRecovery(Runnable hook) {
        recoveryHooks.add(hook);
    }

    public void consume(DeliverCallback onMessage) throws IOException {
        consumer.basicConsume(Routing.guestQueue(nodeId), false, onMessage, tag -> { });
    }

    public void ack(long deliveryTag) throws IOException {
        consumer.basicAck(deliveryTag, false);
    }

    /**
     * Publishes to the shoal exchange (conductor, a task manager's reply queue) or, with {@code exchange} "", straight
     * to a reply queue of a task manager older than reply queues.
     */
    public synchronized void publish(String exchange, String routingKey, Envelope envelope, String correlationId)
            throws IOException {
        byte[] body = codec.encode(envelope);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(envelope.id())
                .correlationId(correlationId)
                .contentType("application/json")
                .deliveryMode(2)
                .headers(Map.of(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret, body)))
                .build();
        publisher.basicPublish(exchange, routingKey, properties, body);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
