package dev.shoal.domain.node;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The newest sent time accepted per node and method ({@code conductor_lastseen}). One atomic upsert
 * decides whether a message is newer than anything seen, so two conductors cannot both accept stale data.
 */
@Repository
public class LastSeenRepository {

    private final JdbcClient jdbc;

    public LastSeenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true if {@code sent} is newer than the last accepted for this node and method, and records it */
    public boolean advance(UUID nodeId, String method, Instant sent) {
        int changed = jdbc.sql("""
                        insert into conductor_lastseen (node_id, method_name, sent) values (:node, :method, :sent)
                        on conflict (node_id, method_name) do update set sent = excluded.sent
                        where conductor_lastseen.sent < excluded.sent
                        """)
                .param("node", nodeId)
                .param("method", method)
                .param("sent", Timestamp.from(sent))
                .update();
        return changed == 1;
    }

    /** @return the newest sent time accepted for this node and method, if any was */
    public Optional<Instant> lastAccepted(UUID nodeId, String method) {
        return jdbc.sql("select sent from conductor_lastseen where node_id = :node and method_name = :method")
                .param("node", nodeId)
                .param("method", method)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
