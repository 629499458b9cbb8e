package dev.shoal.guestagent.rpc;

import com.rabbitmq.client.Delivery;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.conductor.Report;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.PreparePhases;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns verified messages into datastore work. Casts run on a worker so the consumer stays free;
 * their outcome goes to the conductor as a report. Calls are answered on the caller's reply queue.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final GuestConfig config;
    private final GuestChannel channel;
    private final MessageVerifier verifier;
    private final MessageCodec codec;
    private final Clock clock;
    private final ExecutorService worker;
    private final Runnable statusChanged;
    private final FenceKeeper fences;
    private final DatastoreCalls calls;

    public Dispatcher(GuestConfig config, DatastoreManager datastore, GuestChannel channel,
                      MessageVerifier verifier, MessageCodec codec, Clock clock, ExecutorService worker,
                      Runnable statusChanged) {
        this(config, datastore, channel, verifier, codec, clock, worker, statusChanged, new PreparePhases());
    }

    /** @param agentPhases what the agent timed of its own start, told with its prepare's phases */
    public Dispatcher(GuestConfig config, DatastoreManager datastore, GuestChannel channel,
                      MessageVerifier verifier, MessageCodec codec, Clock clock, ExecutorService worker,
                      Runnable statusChanged, PreparePhases agentPhases) {
        this.config = config;
        this.channel = channel;
        this.verifier = verifier;
        this.codec = codec;
        this.clock = clock;
        this.worker = worker;
        this.statusChanged = statusChanged;
        this.fences = new FenceKeeper(config.nodeDir());
        this.calls = new DatastoreCalls(config, datastore, codec, agentPhases);
    }

    public void onDelivery(String consumerTag, Delivery delivery) throws IOException {
        Object signature = delivery.getProperties().getHeaders() == null ? null
                : delivery.getProperties().getHeaders().get(Routing.SIGNATURE_HEADER);
        MessageVerifier.Verdict verdict = verifier.verify(delivery.getBody(),
                signature == null ? null : signature.toString());
        channel.ack(delivery.getEnvelope().getDeliveryTag());
        if (!verdict.accepted()) {
            log.warn("dropped a message on node {}: {}", config.nodeId(), verdict.reason());
            return;
        }
        Envelope envelope = verdict.envelope().orElseThrow();
        String replyTo = delivery.getProperties().getReplyTo();
        String correlationId = delivery.getProperties().getCorrelationId();
        worker.submit(() -> handle(envelope, replyTo, correlationId));
    }

    private void handle(Envelope envelope, String replyTo, String correlationId) {
        try {
            fences.admit(envelope);
            Object result = calls.execute(envelope);
            if (replyTo != null) {
                reply(replyTo, correlationId, envelope, Reply.success(codec.mapper().valueToTree(result)));
            } else {
                report(envelope, true, null);
            }
        } catch (Exception e) {
            log.error("{} failed on node {}: {}", envelope.type(), config.nodeId(), e.getMessage());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (replyTo != null) {
                reply(replyTo, correlationId, envelope, Reply.failure(message));
            } else {
                report(envelope, false, message);
            }
        } finally {
            statusChanged.run();
        }
    }

    /**
     * A task manager's reply queue is reached through the shoal exchange, which a node's own broker account may publish
     * to; any other reply-to is that of an older task manager (RabbitMQ's direct reply-to, a temporary queue), whose
     * guests still hold its broker credentials and reach it through the default exchange.
     */
    private void reply(String replyTo, String correlationId, Envelope request, Reply reply) {
        String exchange = Routing.isReplyQueue(replyTo) ? Routing.EXCHANGE : "";
        publish(exchange, replyTo, codec.envelope(MessageTypes.REPLY, clock.instant(), request.correlationId(),
                request.tenantId(), config.nodeId(), reply), correlationId);
    }

    private void report(Envelope request, boolean ok, String message) {
        publish(Routing.EXCHANGE, Routing.CONDUCTOR_QUEUE, codec.envelope(MessageTypes.REPORT, clock.instant(),
                request.correlationId(), request.tenantId(), config.nodeId(),
                new Report(request.type(), ok, message)), request.id());
    }

    private void publish(String exchange, String routingKey, Envelope envelope, String correlationId) {
        try {
            channel.publish(exchange, routingKey, envelope, correlationId);
        } catch (IOException | RuntimeException e) {
            log.error("could not send {} from node {}: {}", envelope.type(), config.nodeId(), e.toString());
        }
    }
}
