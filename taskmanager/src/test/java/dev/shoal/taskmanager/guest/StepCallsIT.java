package dev.shoal.taskmanager.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.Routing;
import dev.shoal.contracts.guest.Reply;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.secret.SecretCipher;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.TaskRows;
import dev.shoal.taskmanager.task.TaskRunner;
import dev.shoal.taskmanager.task.TestRunners;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import dev.shoal.testsupport.TestServices;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The calls of a task's steps against PostgreSQL, RabbitMQ and a stand-in guest that answers late: a step waiting
 * for an answer holds no worker, the answer is asked for once and read again by later runs of the same round, and a
 * step that polls a guest gets a fresh answer in each round.
 */
@SpringBootTest(properties = {"server.port=0", "shoal.taskmanager.scan-interval=1h",
        "shoal.taskmanager.poll-interval=5s", "shoal.compute.local.first-address=127.0.57.1"})
class StepCallsIT {

    private static final Duration ANSWER_AFTER = Duration.ofMillis(1500);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    GuestClient guests;
    @Autowired
    NodeRepository nodes;
    @Autowired
    SecretCipher cipher;
    @Autowired
    MessageCodec codec;
    @Value("${spring.rabbitmq.addresses}")
    String broker;

    private final NodeSecret secret = NodeSecret.generate();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final List<Thread> answering = new CopyOnWriteArrayList<>();
    private UUID node;
    private Connection guest;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_taskmanager_stepcalls_test", "shoal-taskmanager-stepcalls-test");
        registry.add("shoal.compute.local.work-dir",
                () -> TaskRows.workDir("shoal-taskmanager-stepcalls-it").toString());
    }

    @BeforeEach
    void startAGuest() throws Exception {
        node = newNode();
        guests.declareQueue(node.toString());
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker);
        guest = factory.newConnection("guest-stand-in");
        Channel channel = guest.createChannel();
        channel.basicConsume(Routing.guestQueue(node.toString()), true,
                (tag, delivery) -> answer(channel, delivery), tag -> { });
    }

    @AfterEach
    void stopTheGuest() throws Exception {
        for (Thread thread : answering) {
            thread.join(ANSWER_AFTER.multipliedBy(4).toMillis());
        }
        guest.close();
    }

    private void answer(Channel channel, Delivery delivery) {
        Thread answerer = new Thread(() -> answerLater(channel, delivery), "guest-stand-in-answer");
        answering.add(answerer);
        answerer.start();
    }

    @Test
    void aStepWaitingForAnAnswerHoldsNoWorkerAndAsksOnce() {
        // a step asks twice, one answer at a time; the single worker meanwhile runs another task through
        Workflow asking = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("ASK", 100, "Asking the guest twice", t -> {
                    String first = ask(MessageTypes.GET_FILESYSTEM_STATS);
                    String second = ask(MessageTypes.GET_CLUSTER_STATUS);
                    t.recordParameters("{\"answers\": \"" + first + "," + second + "\"}", Instant.now());
                    return StepOutcome.DONE;
                }));
        Workflow quick = new StepListWorkflow(TaskKind.RESTART_INSTANCE, null, (t, error, reason) -> { },
                new Step("QUICK", 100, "Done at once", t -> StepOutcome.DONE));
        TaskRunner runner = runner(asking, quick);
        try {
            UUID slow = insertTask(TaskKind.RESIZE_INSTANCE);
            UUID fast = insertTask(TaskKind.RESTART_INSTANCE);
            runner.submit(slow);
            await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
            runner.submit(fast);

            await("the other task, on the only worker").atMost(Duration.ofMillis(ANSWER_AFTER.toMillis() - 200))
                    .pollInterval(Duration.ofMillis(20)).until(() -> state(fast).equals("COMPLETED"));
            // each answer wakes the step at once: far sooner than two poll intervals
            await("the asking task").atMost(ANSWER_AFTER.multipliedBy(2).plusMillis(2500))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> state(slow).equals("COMPLETED"));
            assertThat(asked).as("each call sent once").containsExactly(MessageTypes.GET_FILESYSTEM_STATS,
                    MessageTypes.GET_CLUSTER_STATUS);
            assertThat(jdbc.sql("select parameters from tasks where id = ?").param(slow).query(String.class)
                    .single()).contains("answer to " + MessageTypes.GET_FILESYSTEM_STATS,
                    "answer to " + MessageTypes.GET_CLUSTER_STATUS);
        } finally {
            TestRunners.stop(runner);
        }
    }

    @Test
    void aStepThatPollsAGuestGetsAFreshAnswerInEachRound() {
        Workflow polling = new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, (t, error, reason) -> { },
                new Step("POLL", 100, "Polling the guest", t -> {
                    ask(MessageTypes.GET_REPLICATION_STATUS);
                    return polls.get() < 3 ? StepOutcome.WAIT : StepOutcome.DONE;
                }));
        TaskRunner runner = runner(polling);
        try {
            UUID task = insertTask(TaskKind.RESIZE_INSTANCE);
            runner.submit(task);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> state(task).equals("COMPLETED"));
            assertThat(asked).containsExactly(MessageTypes.GET_REPLICATION_STATUS,
                    MessageTypes.GET_REPLICATION_STATUS, MessageTypes.GET_REPLICATION_STATUS);
        } finally {
            TestRunners.stop(runner);
        }
    }

    private String ask(String type) {
        return guests.call(nodes.findById(node).orElseThrow(), type, Map.of(), "test", Duration.ofSeconds(30))
                .result().asString();
    }

    private void answerLater(Channel channel, Delivery delivery) {
        try {
            Envelope call = codec.decode(delivery.getBody());
            asked.add(call.type());
            if (MessageTypes.GET_REPLICATION_STATUS.equals(call.type())) {
                polls.incrementAndGet();
            }
            Thread.sleep(ANSWER_AFTER.toMillis());
            byte[] body = codec.encode(codec.envelope(MessageTypes.REPLY, Instant.now(), call.correlationId(), null,
                    node.toString(), Reply.success(codec.mapper().valueToTree("answer to " + call.type()))));
            AMQP.BasicProperties answer = new AMQP.BasicProperties.Builder()
                    .correlationId(delivery.getProperties().getCorrelationId())
                    .headers(Map.of(Routing.SIGNATURE_HEADER, MessageSigner.sign(secret, body))).build();
            synchronized (channel) {
                channel.basicPublish(Routing.EXCHANGE, delivery.getProperties().getReplyTo(), answer, body);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TaskRunner runner(Workflow... workflows) {
        return TestRunners.oneWorker(context, workflows);
    }

    private UUID insertTask(TaskKind kind) {
        UUID task = UUID.randomUUID();
        jdbc.sql("""
                insert into tasks (id, kind, resource_type, resource_id, state, step, deadline, created, updated)
                values (?, ?, 'instance', ?, 'PENDING', 'START', ?, now(), now())
                """).param(task).param(kind.name()).param(UUID.randomUUID())
                .param(Timestamp.from(Instant.now().plus(Duration.ofMinutes(2)))).update();
        return task;
    }

    private String state(UUID task) {
        return jdbc.sql("select state from tasks where id = ?").param(task).query(String.class).single();
    }

    private UUID newNode() {
        String tenant = "stepcalls";
        UUID instance = TaskRows.insertInstance(jdbc, tenant);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into nodes (id, instance_id, tenant_id, name, datastore_version_id, flavor_id, volume_size,
                                   task, secret, created, updated)
                values (?, ?, ?, 'db', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '1', 1, 'NONE', ?, now(), now())
                """).param(id).param(instance).param(tenant).param(cipher.encrypt(secret.value())).update();
        return id;
    }
}
