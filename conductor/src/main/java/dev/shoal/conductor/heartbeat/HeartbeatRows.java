package dev.shoal.conductor.heartbeat;

import dev.shoal.contracts.MessageTypes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes many nodes' heartbeats with one statement per table. Rows are locked first in node order, as the expiry
 * sweep locks them, so that the two cannot deadlock; a row holding a newer heartbeat (written at once, or by another
 * conductor) is left as it is; rows are only updated, never inserted, and a deleted node's row is left alone: a
 * node's first heartbeat is always written at once, so its rows exist.
 */
@Repository
class HeartbeatRows {

    private static final String LOCK_LAST_SEEN = """
            select node_id from conductor_lastseen where method_name = ? and node_id = any(?)
             order by node_id for update""";
    private static final String ADVANCE_LAST_SEEN = """
            update conductor_lastseen l set sent = b.sent
              from unnest(?, ?::text[]::timestamptz[]) as b(node_id, sent)
             where l.node_id = b.node_id and l.method_name = ? and l.sent < b.sent""";
    private static final String LOCK_STATUSES = """
            select node_id from service_statuses where node_id = any(?) order by node_id for update""";
    /** A master-unreachable-since already written is kept: each heartbeat would move it by its own delay. */
    private static final String WRITE_STATUSES = """
            update service_statuses s
               set status = b.status,
                   status_description = b.description,
                   sent_at = b.sent_at,
                   updated_at = b.received_at,
                   volume_used_bytes = coalesce(b.volume_used, s.volume_used_bytes),
                   volume_total_bytes = coalesce(b.volume_total, s.volume_total_bytes),
                   restarts = coalesce(b.restarts, s.restarts),
                   last_crash = coalesce(b.last_crash, s.last_crash),
                   awaiting_confirmation = b.awaiting,
                   master_unreachable_since = case when b.unreachable_since is null then null
                       else coalesce(s.master_unreachable_since, b.unreachable_since) end,
                   sync_replication = b.sync,
                   sync_replication_since = case when b.awaiting is null then null
                       when s.sync_replication is not distinct from b.sync then s.sync_replication_since
                       else b.received_at end
              from unnest(?, ?, ?, ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?, ?, ?,
                          ?::text[]::timestamptz[], ?, ?::text[]::timestamptz[], ?)
                   as b(node_id, status, description, sent_at, received_at, volume_used, volume_total, restarts,
                        last_crash, awaiting, unreachable_since, sync)
             where s.node_id = b.node_id and (s.sent_at is null or s.sent_at < b.sent_at)
               and exists (select 1 from nodes n where n.id = s.node_id and n.deleted_at is null)""";

    private final JdbcTemplate jdbc;

    HeartbeatRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many nodes' last-seen times moved forward; call within a transaction */
    int advanceLastSeen(List<PendingHeartbeat> heartbeats) {
        jdbc.query(con -> statement(con, LOCK_LAST_SEEN, MessageTypes.HEARTBEAT,
                array(con, "uuid", heartbeats, PendingHeartbeat::nodeId)), rs -> { });
        return jdbc.update(con -> statement(con, ADVANCE_LAST_SEEN,
                array(con, "uuid", heartbeats, PendingHeartbeat::nodeId),
                times(con, heartbeats, PendingHeartbeat::sentAt), MessageTypes.HEARTBEAT));
    }

    /** @return how many service status rows were written; call within a transaction */
    int writeStatuses(List<PendingHeartbeat> heartbeats) {
        jdbc.query(con -> statement(con, LOCK_STATUSES, array(con, "uuid", heartbeats, PendingHeartbeat::nodeId)),
                rs -> { });
        return jdbc.update(con -> statement(con, WRITE_STATUSES,
                array(con, "uuid", heartbeats, PendingHeartbeat::nodeId),
                array(con, "text", heartbeats, heartbeat -> heartbeat.status().name()),
                array(con, "text", heartbeats, PendingHeartbeat::description),
                times(con, heartbeats, PendingHeartbeat::sentAt),
                times(con, heartbeats, PendingHeartbeat::receivedAt),
                array(con, "int8", heartbeats, PendingHeartbeat::volumeUsedBytes),
                array(con, "int8", heartbeats, PendingHeartbeat::volumeTotalBytes),
                array(con, "int4", heartbeats, PendingHeartbeat::restarts),
                times(con, heartbeats, PendingHeartbeat::lastCrash),
                array(con, "bool", heartbeats, PendingHeartbeat::awaitingConfirmation),
                times(con, heartbeats, PendingHeartbeat::masterUnreachableSince),
                array(con, "bool", heartbeats, PendingHeartbeat::syncReplication)));
    }

    private static PreparedStatement statement(Connection con, String sql, Object... params) throws SQLException {
        PreparedStatement statement = con.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    private static java.sql.Array array(Connection con, String type, List<PendingHeartbeat> heartbeats,
                                        Function<PendingHeartbeat, ?> column) throws SQLException {
        return con.createArrayOf(type, heartbeats.stream().map(column).toArray());
    }

    /** As ISO-8601 text, read by PostgreSQL whatever the session's time zone. */
    private static java.sql.Array times(Connection con, List<PendingHeartbeat> heartbeats,
                                        Function<PendingHeartbeat, Instant> column) throws SQLException {
        return array(con, "text", heartbeats, column.andThen(time -> time == null ? null : time.toString()));
    }
}
