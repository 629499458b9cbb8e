package dev.shoal.taskmanager.guest;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.guest.Reply;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The answers guests gave to the calls of tasks' steps, kept until the step that asked reads them. */
@Repository
class GuestAnswers {

    private final JdbcClient jdbc;
    private final MessageCodec codec;

    GuestAnswers(JdbcClient jdbc, MessageCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    Optional<Reply> of(UUID call) {
        return jdbc.sql("select ok, error, result from guest_answers where id = :id")
                .param("id", call)
                .query((row, number) -> new Reply(row.getBoolean(1), row.getString(2),
                        row.getString(3) == null ? null : codec.mapper().readTree(row.getString(3))))
                .optional();
    }

    /** The first answer to a call is kept: a redelivered one changes nothing. */
    void keep(UUID call, String taskId, UUID node, Reply reply, Instant now) {
        jdbc.sql("""
                        insert into guest_answers (id, task_id, node_id, answered_at, ok, result, error)
                        values (:id, :task, :node, :now, :ok, :result, :error) on conflict (id) do nothing
                        """)
                .param("id", call)
                .param("task", taskId)
                .param("node", node)
                .param("now", Timestamp.from(now))
                .param("ok", reply.ok())
                .param("result", reply.result() == null ? null : codec.mapper().writeValueAsString(reply.result()))
                .param("error", reply.error() == null ? null
                        : reply.error().substring(0, Math.min(2048, reply.error().length())))
                .update();
    }
}
