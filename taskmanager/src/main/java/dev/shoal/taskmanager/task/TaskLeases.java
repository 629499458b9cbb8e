package dev.shoal.taskmanager.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Exactly one task manager works on a task: it must win a conditional update to claim it, and keeps it
 * only while it renews the lease. A crashed owner's lease runs out and the task is claimed again.
 */
@Repository
class TaskLeases {

    private final JdbcClient jdbc;
    private final Clock clock;

    TaskLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean claim(UUID taskId, String owner, Duration lease) {
        return jdbc.sql("""
                        update tasks set lease_owner = :owner, lease_until = :until, attempts = attempts + 1,
                               state = 'RUNNING', updated = :now
                        where id = :id and state in ('PENDING', 'RUNNING')
                          and (lease_until is null or lease_until < :now)
                        """)
                .param("owner", owner)
                .param("until", Timestamp.from(clock.instant().plus(lease)))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", taskId)
                .update() == 1;
    }

    /** Gives up every lease this owner holds, so that another task manager takes its tasks over at once. */
    int releaseAll(String owner) {
        return jdbc.sql("update tasks set lease_until = null where lease_owner = :owner and state = 'RUNNING'")
                .param("owner", owner)
                .update();
    }

    boolean renew(UUID taskId, String owner, Duration lease) {
        return renew(taskId, owner, lease, "");
    }

    /**
     * The same while a step runs, from another thread, without ever waiting: a row the step's own transaction holds
     * locked (a step that wrote its parameters) is left for the next renewal, which the step's commit frees.
     */
    boolean renewUnlessLocked(UUID taskId, String owner, Duration lease) {
        return renew(taskId, owner, lease, " for update skip locked");
    }

    private boolean renew(UUID taskId, String owner, Duration lease, String locking) {
        return jdbc.sql("""
                        update tasks set lease_until = :until
                        where id = (select id from tasks where id = :id and lease_owner = :owner and state = 'RUNNING'
                        """ + locking + ")")
                .param("until", Timestamp.from(clock.instant().plus(lease)))
                .param("id", taskId)
                .param("owner", owner)
                .update() == 1;
    }
}
