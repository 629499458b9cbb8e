package dev.shoal.taskmanager.node;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.domain.node.NodeStatus;
import dev.shoal.domain.node.NodeStatusRule;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.support.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code shoal.nodes}: how many live nodes show each status, as users see it (the task manager builds, changes and
 * deletes them). Counted on a scrape, at most once per {@link #REFRESH}; one gauge per status, zero included, so a
 * status that empties drops to zero instead of vanishing.
 */
@Component
class NodeMeters {

    static final String NODES = "shoal.nodes";
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration heartbeatExpiry;
    private final CachedReading<Map<NodeStatus, Long>> counts;

    NodeMeters(JdbcClient jdbc, Clock clock, MeterRegistry registry,
               @Value("${shoal.conductor.heartbeat-expiry:90s}") Duration heartbeatExpiry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.heartbeatExpiry = heartbeatExpiry;
        // unreadable (the database out of reach): no value rather than zero nodes
        this.counts = new CachedReading<>(REFRESH, clock, this::count, null);
        for (NodeStatus status : NodeStatus.values()) {
            Gauge.builder(NODES, counts, current -> count(current.get(), status))
                    .description("Live nodes by the status users see")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    private static double count(Map<NodeStatus, Long> counts, NodeStatus status) {
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }

    private Map<NodeStatus, Long> count() {
        Instant now = clock.instant();
        List<NodeStatus> statuses = jdbc.sql("""
                        select n.task, s.status, s.updated_at
                          from nodes n left join service_statuses s on s.node_id = n.id
                         where n.deleted_at is null""")
                .query((row, number) -> {
                    Timestamp heartbeat = row.getTimestamp(3);
                    return NodeStatusRule.derive(NodeTask.valueOf(row.getString(1)),
                            row.getString(2) == null ? null : ServiceStatus.valueOf(row.getString(2)),
                            heartbeat == null ? null : heartbeat.toInstant(), now, heartbeatExpiry);
                })
                .list();
        Map<NodeStatus, Long> counted = new EnumMap<>(NodeStatus.class);
        statuses.forEach(status -> counted.merge(status, 1L, Long::sum));
        return counted;
    }
}
