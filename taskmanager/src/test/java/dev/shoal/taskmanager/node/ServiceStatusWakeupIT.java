package dev.shoal.taskmanager.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A step waiting on a node's status runs again the moment the status changes, not at its next poll (30 s here), and
 * one whose notification is lost still sees the change at its next poll.
 */
@SpringBootTest(properties = {"server.port=0", "shoal.taskmanager.scan-interval=1h",
        "shoal.taskmanager.poll-interval=30s", "shoal.compute.local.first-address=127.0.58.1"})
class ServiceStatusWakeupIT {

    private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(5);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    NodeStatusWaits waits;
    @Autowired
    ServiceStatusRepository statuses;
    @Autowired
    TransactionTemplate transactions;

    private final AtomicInteger looks = new AtomicInteger();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_taskmanager_wakeup_test", "shoal-taskmanager-wakeup-test");
        registry.add("shoal.compute.local.work-dir", () -> TaskRows.workDir("shoal-taskmanager-wakeup-it").toString());
    }

    @Test
    void aStepWaitingOnANodeRunsAsItsStatusChangesNotAtItsNextPoll() {
        UUID node = newNode();
        TaskRunner runner = TestRunners.polling(context, Duration.ofSeconds(30), awaitingRunning(node));
        try {
            UUID task = insertTask();
            assertThat(runner.submit(task)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> looks.get() == 1);

            Instant changed = Instant.now();
            jdbc.sql("update service_statuses set status = 'RUNNING' where node_id = ?").param(node).update();

            await().atMost(WELL_BEFORE_THE_POLL).pollInterval(Duration.ofMillis(20))
                    .until(() -> state(task).equals("COMPLETED"));
            assertThat(Duration.between(changed, Instant.now())).isLessThan(WELL_BEFORE_THE_POLL);
            assertThat(looks.get()).as("woken once, by the change").isEqualTo(2);
        } finally {
            TestRunners.stop(runner);
        }
    }

    @Test
    void aChangeWhoseNotificationIsLostIsSeenAtTheNextPoll() {
        UUID node = newNode();
        TaskRunner runner = TestRunners.polling(context, Duration.ofSeconds(1), awaitingRunning(node));
        try {
            UUID task = insertTask();
            assertThat(runner.submit(task)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> looks.get() >= 1);

            // triggers do not fire for a session replicating changes: the status changes and nobody is told
            transactions.executeWithoutResult(status -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update service_statuses set status = 'RUNNING' where node_id = ?").param(node).update();
            });

            await().atMost(WELL_BEFORE_THE_POLL).pollInterval(Duration.ofMillis(50))
                    .until(() -> state(task).equals("COMPLETED"));
        } finally {
            TestRunners.stop(runner);
        }
    }

    private Workflow awaitingRunning(UUID node) {
        return new StepListWorkflow(TaskKind.CREATE_INSTANCE, null, (t, error, reason) -> { },
                new Step("AWAIT_ACTIVE", 100, "Waiting for the node to run", t -> {
                    waits.await(node);
                    looks.incrementAndGet();
                    return statuses.findById(node).map(ServiceStatusRecord::getStatus)
                            .filter(status -> status == dev.shoal.contracts.ServiceStatus.RUNNING).isPresent()
                            ? StepOutcome.DONE : StepOutcome.WAIT;
                }));
    }

    private UUID newNode() {
        String tenant = "wakeups";
        UUID instance = TaskRows.insertInstance(jdbc, tenant);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into nodes (id, instance_id, tenant_id, name, datastore_version_id, flavor_id, volume_size,
                                   task, created, updated)
                values (?, ?, ?, 'db', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '1', 1, 'BUILDING', now(), now())
                """).param(id).param(instance).param(tenant).update();
        jdbc.sql("insert into service_statuses (node_id, status, updated_at) values (?, 'BUILD', now())").param(id)
                .update();
        return id;
    }

    private UUID insertTask() {
        UUID task = UUID.randomUUID();
        jdbc.sql("""
                insert into tasks (id, kind, resource_type, resource_id, state, step, deadline, created, updated)
                values (?, 'CREATE_INSTANCE', 'instance', ?, 'PENDING', 'AWAIT_ACTIVE', ?, now(), now())
                """).param(task).param(UUID.randomUUID())
                .param(Timestamp.from(Instant.now().plus(Duration.ofMinutes(2)))).update();
        return task;
    }

    private String state(UUID task) {
        return jdbc.sql("select state from tasks where id = ?").param(task).query(String.class).single();
    }
}
