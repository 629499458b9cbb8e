package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.domain.failover.FailoverProperties;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import dev.shoal.taskmanager.task.TaskRunner;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds old masters that came back after a failover or an ejection (their servers started again, refusing writes
 * until confirmed, which they never will be as they lead nothing) and has each rejoin the set it left, as a replica of
 * its master now. The task managers' leader looks once a failover check interval.
 */
@Component
class RejoinWatch {

    private static final Logger log = LoggerFactory.getLogger(RejoinWatch.class);

    private final JdbcClient jdbc;
    private final NodeRepository nodes;
    private final TaskRepository tasks;
    private final TaskRunner runner;
    private final Leadership leadership;
    private final TransactionTemplate transactions;
    private final MessageCodec codec;
    private final FailoverProperties properties;
    private final Clock clock;

    RejoinWatch(JdbcClient jdbc, NodeRepository nodes, TaskRepository tasks, TaskRunner runner, Leadership leadership,
                TransactionTemplate transactions, MessageCodec codec, FailoverProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.tasks = tasks;
        this.runner = runner;
        this.leadership = leadership;
        this.transactions = transactions;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${shoal.failover.check-interval:1s}",
            fixedDelayString = "${shoal.failover.check-interval:1s}")
    void look() {
        if (!leadership.leads()) {
            return;
        }
        for (Returned returned : returned()) {
            transactions.execute(status -> start(returned, clock.instant())).ifPresent(task -> {
                log.warn("{} {}, a master failed over, is back: it rejoins the set of {} (task {})",
                        returned.resourceType(), returned.member(), returned.master(), task);
                runner.submit(task);
            });
        }
    }

    /** Old masters serving again with no part in any set, and the master of the set each left, as it is now. */
    List<Returned> returned() {
        List<Returned> returned = new ArrayList<>(jdbc.sql("""
                        select i.id as member, n.id as node_id, i.tenant_id, 'instance' as resource_type,
                               i.id as resource_id,
                               (select coalesce(c.slave_of, c.id) from instances c
                                 where c.deleted_at is null
                                   and c.id = (t.parameters::jsonb ->> 'candidate')::uuid) as master
                          from instances i
                          join nodes n on n.instance_id = i.id and n.deleted_at is null
                          join service_statuses s on s.node_id = n.id
                          join lateral (select parameters from tasks t
                                         where t.kind in ('FAILOVER', 'EJECT_REPLICA_SOURCE')
                                           and t.state = 'COMPLETED'
                                           and t.parameters::jsonb ->> 'oldMaster' = i.id::text
                                         order by t.created desc limit 1) t on true
                         where i.deleted_at is null and i.slave_of is null and n.role is null and n.task = 'NONE'
                           and s.awaiting_confirmation and s.status = 'RUNNING'
                        """).query(this::row).list());
        returned.addAll(jdbc.sql("""
                        select n.id as member, n.id as node_id, c.tenant_id, 'cluster' as resource_type,
                               c.id as resource_id,
                               (select m.id from nodes m where m.cluster_id = c.id and m.deleted_at is null
                                   and m.role = 'MASTER') as master
                          from nodes n
                          join clusters c on c.id = n.cluster_id and c.deleted_at is null
                          join service_statuses s on s.node_id = n.id
                         where n.deleted_at is null and n.role is null and n.task = 'NONE'
                           and s.awaiting_confirmation and s.status = 'RUNNING'
                           and exists (select 1 from tasks t where t.kind = 'FAILOVER' and t.state = 'COMPLETED'
                                          and t.parameters::jsonb ->> 'oldMaster' = n.id::text)
                        """).query(this::row).list());
        return returned.stream().filter(one -> one.master() != null).toList();
    }

    private Returned row(ResultSet row, int number) throws SQLException {
        return new Returned(row.getObject("member", UUID.class), row.getObject("node_id", UUID.class),
                row.getString("tenant_id"), row.getString("resource_type"), row.getObject("resource_id", UUID.class),
                row.getObject("master", UUID.class));
    }

    private Optional<UUID> start(Returned returned, Instant now) {
        Node node = nodes.findById(returned.nodeId()).orElseThrow();
        if (node.getTask() != NodeTask.NONE) {
            return Optional.empty();
        }
        node.startTask(NodeTask.REJOINING, "Rejoining its set after a failover", now);
        Task task = tasks.save(new Task(returned.tenantId(), TaskKind.REJOIN_REPLICA, returned.resourceType(),
                returned.resourceId(), codec.mapper().writeValueAsString(new RejoinParameters(returned.member(),
                returned.master(), null)), Task.SHOAL, now, properties.timeout()));
        return Optional.of(task.getId());
    }

    /** @param member the old master as its set names it: its instance, or in a cluster its node */
    record Returned(UUID member, UUID nodeId, String tenantId, String resourceType, UUID resourceId, UUID master) {
    }
}
