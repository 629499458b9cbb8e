package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.ServiceStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills a starting conductor's memory with every live node's state as the database holds it, in one query. Without it
 * the first heartbeat of each node is written at once: 10,000 nodes' worth of single transactions, which a
 * restarted conductor would spend its first half minute on while heartbeats queue up behind them.
 */
@Component
class NodeMemorySeed {

    private static final Logger log = LoggerFactory.getLogger(NodeMemorySeed.class);

    private static final String STATES = """
            select s.node_id, s.sent_at, s.status, s.status_description, s.awaiting_confirmation,
                   s.master_unreachable_since is not null as master_unreachable, s.sync_replication, s.restarts,
                   s.last_crash, n.role
              from service_statuses s join nodes n on n.id = s.node_id
             where n.deleted_at is null and s.sent_at is not null and s.status is not null""";

    private final JdbcClient jdbc;
    private final NodeMemory memory;

    NodeMemorySeed(JdbcClient jdbc, NodeMemory memory) {
        this.jdbc = jdbc;
        this.memory = memory;
    }

    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        int[] seeded = new int[1];
        jdbc.sql(STATES).query((ResultSet row) -> {
            memory.seed(row.getObject("node_id", UUID.class), instant(row, "sent_at"), state(row));
            seeded[0]++;
        });
        log.info("remembered the state of {} nodes", seeded[0]);
    }

    /** As {@link ReportedState#written} reads a row: only an election's part is the datastore's to tell. */
    private static ReportedState state(ResultSet row) throws SQLException {
        String role = row.getString("role");
        Role elected = role == null ? null : Role.valueOf(role);
        return new ReportedState(ServiceStatus.valueOf(row.getString("status")), row.getString("status_description"),
                (Boolean) row.getObject("awaiting_confirmation"), row.getBoolean("master_unreachable"),
                (Boolean) row.getObject("sync_replication"), (Integer) row.getObject("restarts"),
                instant(row, "last_crash"), elected == Role.PRIMARY || elected == Role.SECONDARY ? elected : null);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
