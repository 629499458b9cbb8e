package dev.shoal.taskmanager.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Exactly one task manager works on a task: it must win a conditional update to claim it, and keeps it only while
 * it renews the lease. A crashed owner's lease runs out and the task is claimed again. Every grant takes a new epoch,
 * and every write a task manager makes for the task is conditional on its epoch still being the task's: one that was
 * paused past its lease, and lost the task to another, is fenced off at its next write.
 */
@Repository
class TaskLeases {

    private final JdbcClient jdbc;
    private final Clock clock;

    TaskLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the lease won, with its new epoch; empty when the task is finished or another holds it */
    Optional<TaskLease> claim(UUID taskId, String owner, Duration duration) {
        return jdbc.sql("""
                        update tasks set lease_owner = :owner, lease_until = :until, attempts = attempts + 1,
                               lease_epoch = nextval('task_lease_epochs'), state = 'RUNNING', updated = :now
                        where id = :id and state in ('PENDING', 'RUNNING')
                          and (lease_until is null or lease_until < :now)
                        returning lease_epoch
                        """)
                .param("owner", owner)
                .param("until", Timestamp.from(clock.instant().plus(duration)))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", taskId)
                .query(Long.class).optional()
                .map(epoch -> new TaskLease(taskId, owner, epoch));
    }

    /** Gives up every lease this owner holds, so that another task manager takes its tasks over at once. */
    int releaseAll(String owner) {
        return jdbc.sql("update tasks set lease_until = null where lease_owner = :owner and state = 'RUNNING'")
                .param("owner", owner)
                .update();
    }

    /**
     * Extends the lease if it is still this grant's. Inside a transaction that wrote for the task, this is the fence:
     * the row lock it takes makes a concurrent claim wait for the commit, and a false answer must roll back.
     */
    boolean renew(TaskLease lease, Duration duration) {
        return renew(lease, duration, "");
    }

    /**
     * The same while a step runs, from another thread, without ever waiting: a row the step's own transaction holds
     * locked (a step that wrote its parameters) is left for the next renewal, which the step's commit frees.
     */
    boolean renewUnlessLocked(TaskLease lease, Duration duration) {
        return renew(lease, duration, " for update skip locked");
    }

    /** Whether the task is still this grant's, read without touching it (after a write failed for another reason). */
    boolean holds(TaskLease lease) {
        return jdbc.sql("""
                        select count(*) from tasks
                        where id = :id and lease_owner = :owner and lease_epoch = :epoch and state = 'RUNNING'
                        """)
                .param("id", lease.taskId())
                .param("owner", lease.owner())
                .param("epoch", lease.epoch())
                .query(Long.class).single() == 1;
    }

    /** Ends the lease of a task this grant finished, in the transaction that finishes it; false when fenced off. */
    boolean finish(TaskLease lease) {
        return jdbc.sql("""
                        update tasks set lease_owner = null, lease_until = null
                        where id = :id and lease_owner = :owner and lease_epoch = :epoch and state = 'RUNNING'
                        """)
                .param("id", lease.taskId())
                .param("owner", lease.owner())
                .param("epoch", lease.epoch())
                .update() == 1;
    }

    private boolean renew(TaskLease lease, Duration duration, String locking) {
        // The conditions stand in the outer where clause, which PostgreSQL checks again on the newest row version
        // after waiting for a concurrent claim's lock; the inner select only serves to skip a locked row.
        return jdbc.sql("""
                        update tasks set lease_until = :until
                        where id = :id and lease_owner = :owner and lease_epoch = :epoch and state = 'RUNNING'
                        """ + (locking.isEmpty() ? "" : " and id in (select id from tasks where id = :id" + locking
                        + ")"))
                .param("until", Timestamp.from(clock.instant().plus(duration)))
                .param("id", lease.taskId())
                .param("owner", lease.owner())
                .param("epoch", lease.epoch())
                .update() == 1;
    }
}
