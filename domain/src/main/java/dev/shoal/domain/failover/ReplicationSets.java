package dev.shoal.domain.failover;

import dev.shoal.contracts.ServiceStatus;
import dev.shoal.domain.failover.ReplicationSetState.Report;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replication sets as failover looks at them: a master instance and the instances that follow it, or a replication
 * cluster's master node and its replica nodes.
 */
@Component
public class ReplicationSets {

    private static final String MEMBER = """
            select i.id as instance_id, i.slave_of, i.tenant_id, i.auto_failover, i.failed_over_at, n.id as node_id,
                   n.ip, s.status, s.updated_at, s.master_unreachable_since, s.sync_replication
              from instances i
              join nodes n on n.instance_id = i.id and n.deleted_at is null
              left join service_statuses s on s.node_id = n.id
            """;

    private final JdbcClient jdbc;

    public ReplicationSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CLUSTER_MEMBER = """
            select null::uuid as instance_id, c.tenant_id, c.auto_failover, c.failed_over_at, n.id as node_id, n.ip,
                   n.role, s.status, s.updated_at, s.master_unreachable_since, s.sync_replication
              from clusters c
              join nodes n on n.cluster_id = c.id and n.deleted_at is null and n.role in ('MASTER', 'REPLICA')
              left join service_statuses s on s.node_id = n.id
             where c.id = :id and c.deleted_at is null
             order by n.created, n.id
            """;

    /** A node of a set, with its last report; {@code instanceId} is null for a cluster's node. */
    public record Member(UUID instanceId, UUID nodeId, String address, Report report) {
    }

    /**
     * @param autoFailover   the master's setting, which is the set's
     * @param lastFailoverAt the latest automatic failover any member took part in
     */
    public record InstanceSet(String tenantId, Member master, List<Member> replicas, boolean autoFailover,
                              Instant lastFailoverAt) {

        public ReplicationSetState state() {
            return new ReplicationSetState(autoFailover, master.report(),
                    replicas.stream().map(Member::report).toList(), lastFailoverAt);
        }
    }

    /** Every live set with at least one replica. */
    public List<InstanceSet> withReplicas() {
        return jdbc.sql(MEMBER + """
                         where i.deleted_at is null and i.slave_of is null
                           and exists (select 1 from instances r where r.slave_of = i.id and r.deleted_at is null)
                         order by i.created
                        """)
                .query(this::masterRow).list().stream().map(this::withItsReplicas).toList();
    }

    /** The set {@code instanceId} belongs to, as its master or as a replica. */
    public Optional<InstanceSet> of(UUID instanceId) {
        return Optional.ofNullable(ofEach(List.of(instanceId)).get(instanceId));
    }

    /**
     * The sets each of {@code instanceIds} belongs to, read in three statements however many there are (a page of
     * instances shows each one's set); an instance in no set, or gone, has no entry.
     */
    public Map<UUID, InstanceSet> ofEach(Collection<UUID> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> masterOf = jdbc.sql("select id, coalesce(slave_of, id) as master from instances"
                        + " where id in (:ids) and deleted_at is null")
                .param("ids", Set.copyOf(instanceIds))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getObject("master", UUID.class)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (masterOf.isEmpty()) {
            return Map.of();
        }
        Set<UUID> masters = Set.copyOf(masterOf.values());
        Map<UUID, MasterRow> masterRows = jdbc.sql(MEMBER + " where i.id in (:masters)").param("masters", masters)
                .query(this::masterRow).list().stream()
                .collect(Collectors.toMap(row -> row.member().instanceId(), Function.identity(), (a, b) -> a));
        Map<UUID, List<MemberRow>> replicasOf = jdbc.sql(MEMBER + " where i.slave_of in (:masters)"
                        + " and i.deleted_at is null order by i.created")
                .param("masters", masters)
                .query((rs, n) -> new MemberRow(member(rs), timestamp(rs, "failed_over_at"),
                        rs.getObject("slave_of", UUID.class))).list().stream()
                .collect(Collectors.groupingBy(MemberRow::masterId));
        Map<UUID, InstanceSet> sets = new HashMap<>();
        masterRows.forEach((master, row) -> sets.put(master,
                withReplicas(row, replicasOf.getOrDefault(master, List.of()))));
        return masterOf.entrySet().stream().filter(entry -> sets.containsKey(entry.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> sets.get(entry.getValue())));
    }

    /** Live clusters with a master node and at least one replica node. */
    public List<UUID> replicationClusters() {
        return jdbc.sql("""
                        select c.id from clusters c
                         where c.deleted_at is null
                           and exists (select 1 from nodes m where m.cluster_id = c.id and m.deleted_at is null
                                          and m.role = 'MASTER')
                           and exists (select 1 from nodes r where r.cluster_id = c.id and r.deleted_at is null
                                          and r.role = 'REPLICA')
                         order by c.created
                        """)
                .query(UUID.class).list();
    }

    /**
     * A replication cluster as a set: its node whose role is master and the nodes whose role is replica. Empty while
     * no node is master (the cluster is forming, or is not a replication cluster).
     */
    public Optional<InstanceSet> ofCluster(UUID clusterId) {
        List<ClusterRow> rows = jdbc.sql(CLUSTER_MEMBER).param("id", clusterId)
                .query((rs, n) -> new ClusterRow(masterRow(rs, n), "MASTER".equals(rs.getString("role")))).list();
        List<MasterRow> masters = rows.stream().filter(ClusterRow::master).map(ClusterRow::row).toList();
        if (masters.size() != 1) {
            return Optional.empty();
        }
        MasterRow master = masters.get(0);
        return Optional.of(new InstanceSet(master.tenantId(), master.member(), rows.stream()
                .filter(row -> !row.master()).map(row -> row.row().member()).toList(), master.autoFailover(),
                master.failedOverAt()));
    }

    private InstanceSet withItsReplicas(MasterRow row) {
        return withReplicas(row, jdbc.sql(MEMBER + " where i.slave_of = :master and i.deleted_at is null"
                        + " order by i.created")
                .param("master", row.member().instanceId())
                .query((rs, n) -> new MemberRow(member(rs), timestamp(rs, "failed_over_at"),
                        rs.getObject("slave_of", UUID.class))).list());
    }

    private static InstanceSet withReplicas(MasterRow row, List<MemberRow> replicas) {
        Instant last = replicas.stream().map(MemberRow::failedOverAt).filter(at -> at != null)
                .reduce(row.failedOverAt(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        return new InstanceSet(row.tenantId(), row.member(), replicas.stream().map(MemberRow::member).toList(),
                row.autoFailover(), last);
    }

    private MasterRow masterRow(ResultSet rs, int row) throws SQLException {
        return new MasterRow(rs.getString("tenant_id"), member(rs), rs.getBoolean("auto_failover"),
                timestamp(rs, "failed_over_at"));
    }

    private static Member member(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        Boolean sync = rs.getObject("sync_replication", Boolean.class);
        return new Member(rs.getObject("instance_id", UUID.class), rs.getObject("node_id", UUID.class),
                rs.getString("ip"), new Report(status == null ? null : ServiceStatus.valueOf(status),
                timestamp(rs, "updated_at"), timestamp(rs, "master_unreachable_since"), sync));
    }

    private static Instant timestamp(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record MasterRow(String tenantId, Member member, boolean autoFailover, Instant failedOverAt) {
    }

    private record MemberRow(Member member, Instant failedOverAt, UUID masterId) {
    }

    private record ClusterRow(MasterRow row, boolean master) {
    }
}
