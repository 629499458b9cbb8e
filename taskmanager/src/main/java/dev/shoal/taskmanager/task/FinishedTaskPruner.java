package dev.shoal.taskmanager.task;

import dev.shoal.domain.leader.Leadership;
import dev.shoal.domain.leader.PruningProperties;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Completed and failed tasks are history; the task managers' leader deletes those past their retention. */
@Component
class FinishedTaskPruner {

    private static final Logger log = LoggerFactory.getLogger(FinishedTaskPruner.class);

    private final JdbcClient jdbc;
    private final Leadership leadership;
    private final PruningProperties properties;
    private final Clock clock;

    FinishedTaskPruner(JdbcClient jdbc, Leadership leadership, PruningProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.leadership = leadership;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${shoal.pruning.interval:10m}", fixedDelayString = "${shoal.pruning.interval:10m}")
    void prune() {
        if (!leadership.leads()) {
            return;
        }
        int deleted = jdbc.sql("""
                        delete from tasks where state in ('COMPLETED', 'FAILED', 'CANCELLED') and finished_at < :cutoff
                        """)
                .param("cutoff", Timestamp.from(clock.instant().minus(properties.finishedTasks())))
                .update();
        if (deleted > 0) {
            log.info("deleted {} tasks finished more than {} ago", deleted, properties.finishedTasks());
        }
        // a step reads its answers again at every run until it is done, which may take as long as a task may
        jdbc.sql("delete from guest_answers where answered_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(properties.finishedTasks())))
                .update();
    }
}
