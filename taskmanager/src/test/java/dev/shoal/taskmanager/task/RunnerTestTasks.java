package dev.shoal.taskmanager.task;

import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.TaskManagerProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests that run runners of their own on tasks of no real resource: the runner's parts, and the task rows. */
abstract class RunnerTestTasks {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskRepository tasks;
    @Autowired
    TaskLeases leases;
    @Autowired
    TaskManagerProperties properties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TaskWakeups wakeups;
    @Autowired
    Clock clock;
    @Autowired
    RemoteCalls remote;
    @Autowired
    StepHistory history;
    @Autowired
    TaskMeters meters;

    TaskRunner runner(TaskManagerProperties settings, Workflow... workflows) {
        return new TaskRunner(tasks, leases, List.of(workflows), settings, transactions, wakeups, history, clock,
                meters);
    }

    /** A pending task of {@code kind}, due in a minute, whose resource exists nowhere. */
    UUID insertTask(TaskKind kind) {
        UUID task = UUID.randomUUID();
        jdbc.sql("""
                insert into tasks (id, kind, resource_type, resource_id, state, step, deadline, created, updated)
                values (?, ?, 'instance', ?, 'PENDING', 'START', ?, now(), now())
                """).param(task).param(kind.name()).param(UUID.randomUUID())
                .param(Timestamp.from(Instant.now().plus(Duration.ofMinutes(1)))).update();
        return task;
    }

    /** The column's value as text, or null. */
    String column(UUID task, String column) {
        return jdbc.sql("select " + column + "::text from tasks where id = ?").param(task)
                .query((row, number) -> row.getString(1)).list().get(0);
    }
}
