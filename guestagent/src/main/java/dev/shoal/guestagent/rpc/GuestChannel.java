package dev.shoal.guestagent.rpc;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
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
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guest's one AMQP connection: it consumes only its own queue and publishes signed messages.
 * The client's automatic recovery reconnects and re-consumes after a broker outage.
 */
public final class GuestChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuestChannel.class);

    private final Connection connection;
    private final Channel consumer;
    private final Channel publisher;
    private final String nodeId;
    private final NodeSecret secret;
    private final MessageCodec codec;

    public GuestChannel(String amqpUri, String nodeId, NodeSecret secret, MessageCodec codec)
            throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUri);
        } catch (Exception e) {
            throw new IllegalArgumentException("amqp.uri is not an AMQP URI", e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        this.connection = factory.newConnection("guestagent-" + nodeId);
        ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recovered) {
                log.info("broker connection of node {} recovered", nodeId);
            }

            @Override
            public void handleRecoveryStarted(Recoverable recovering) {
                log.warn("broker connection of node {} lost; recovering", nodeId);
            }
        });
        this.consumer = connection.createChannel();
        this.publisher = connection.createChannel();
        this.nodeId = nodeId;
        this.secret = secret;
        this.codec = codec;
        String queue = Routing.guestQueue(nodeId);
        consumer.exchangeDeclare(Routing.EXCHANGE, BuiltinExchangeType.TOPIC, true);
        consumer.queueDeclare(queue, true, false, false, null);
        consumer.queueBind(queue, Routing.EXCHANGE, queue);
        consumer.basicQos(4);
    }

    public void consume(DeliverCallback onMessage) throws IOException {
        consumer.basicConsume(Routing.guestQueue(nodeId), false, onMessage, tag -> { });
    }

    public void ack(long deliveryTag) throws IOException {
        consumer.basicAck(deliveryTag, false);
    }

    /** Publishes to the shoal exchange (conductor) or, with {@code exchange} "", straight to a reply queue. */
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
