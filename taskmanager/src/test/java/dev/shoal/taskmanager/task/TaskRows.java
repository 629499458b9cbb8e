package dev.shoal.taskmanager.task;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.task.RunTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasks of an instance written and cast as the API does, and read back, for the task manager's integration tests:
 * no API runs there, so the test plays it. Tests {@code @Import} it and have it injected.
 */
public class TaskRows {

    private final JdbcClient jdbc;
    private final RabbitTemplate rabbit;
    private final MessageCodec codec;

    TaskRows(JdbcClient jdbc, RabbitTemplate rabbit, MessageCodec codec) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
        this.codec = codec;
    }

    /** A work directory of the test class's own for the local driver's nodes. */
    public static Path workDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A MySQL instance of {@code tenant} (made if need be), without nodes: tests add the node they need. */
    public static UUID insertInstance(JdbcClient jdbc, String tenant) {
        jdbc.sql("insert into tenants (id, name, created) values (?, ?, now()) on conflict do nothing")
                .param(tenant).param(tenant).update();
        UUID instance = UUID.randomUUID();
        jdbc.sql("""
                insert into instances (id, tenant_id, name, datastore_version_id, flavor_id, volume_size, created,
                                       updated)
                values (?, ?, 'db', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '1', 1, now(), now())
                """).param(instance).param(tenant).update();
        return instance;
    }

    /** A pending task of the instance, at {@code step}, due within {@code timeout}. */
    public UUID insert(UUID instance, String kind, String step, Duration timeout) {
        UUID task = UUID.randomUUID();
        jdbc.sql("""
                insert into tasks (id, tenant_id, kind, resource_type, resource_id, state, step, deadline, created, updated)
                select ?, tenant_id, ?, 'instance', id, 'PENDING', ?, ?, now(), now() from instances where id = ?
                """).param(task).param(kind).param(step).param(Timestamp.from(Instant.now().plus(timeout)))
                .param(instance).update();
        return task;
    }

    /** The cast the API's outbox sends for a new task. */
    public void run(UUID task) {
        Envelope envelope = codec.envelope(MessageTypes.RUN_TASK, Instant.now(), task.toString(), null, null,
                new RunTask(task.toString()));
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.id());
        rabbit.send(Routing.EXCHANGE, Routing.TASKMANAGER_QUEUE, new Message(codec.encode(envelope), properties));
    }

    public String state(UUID task) {
        return column(task, "state");
    }

    public String step(UUID task) {
        return column(task, "step");
    }

    public String error(UUID task) {
        return column(task, "error");
    }

    private String column(UUID task, String column) {
        return jdbc.sql("select " + column + " from tasks where id = ?").param(task).query(String.class).single();
    }
}
