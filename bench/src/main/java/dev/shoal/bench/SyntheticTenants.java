package dev.shoal.bench;

import dev.shoal.bench.plane.BenchDatabase;
import dev.shoal.bench.plane.ShoalApi;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.domain.secret.SecretCipher;
import dev.shoal.domain.secret.SecretKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes tenants of many instances in seconds: every row of a real instance (the instance, its node, the node's
 * service status, their tasks, its security group) copied whole in SQL, with new ids and a secret per node encrypted as the services
 * encrypt them. Columns are copied through JSON, so a column added by a later migration is copied too. Rows
 * written this way are counted against no quota.
 */
public final class SyntheticTenants {

    private static final String INSTANCES = """
            insert into instances
            select (jsonb_populate_record(null::instances, to_jsonb(i) || jsonb_build_object(
                'id', m.instance_id, 'tenant_id', ?, 'name', 'synthetic-' || m.seq,
                'created', i.created - m.seq * interval '1 millisecond'))).*
            from instances i cross join synthetic m where i.id = ?
            """;
    private static final String NODES = """
            insert into nodes
            select (jsonb_populate_record(null::nodes, to_jsonb(n) || jsonb_build_object(
                'id', m.node_id, 'instance_id', m.instance_id, 'tenant_id', ?, 'name', 'synthetic-' || m.seq,
                'ip', null, 'compute_instance_id', m.node_id::text, 'secret', m.secret))).*
            from nodes n cross join synthetic m where n.id = ?
            """;
    private static final String STATUSES = """
            insert into service_statuses
            select (jsonb_populate_record(null::service_statuses, to_jsonb(s) || jsonb_build_object(
                'node_id', m.node_id, 'updated_at', now()))).*
            from service_statuses s cross join synthetic m where s.node_id = ?
            """;
    private static final String SECURITY_GROUPS = """
            insert into security_groups
            select (jsonb_populate_record(null::security_groups, to_jsonb(g) || jsonb_build_object(
                'id', gen_random_uuid(), 'tenant_id', ?, 'node_id', m.node_id, 'instance_id', m.instance_id))).*
            from security_groups g cross join synthetic m where g.node_id = ?
            """;
    private static final String TASKS = """
            insert into tasks
            select (jsonb_populate_record(null::tasks, to_jsonb(t) || jsonb_build_object(
                'id', gen_random_uuid(), 'tenant_id', ?,
                'resource_id', case when t.resource_id = ? then m.instance_id else m.node_id end))).*
            from tasks t cross join synthetic m where t.resource_id in (?, ?)
            """;

    private final ShoalApi api;
    private final BenchDatabase database;
    private final SecretCipher cipher;
    private final Map<Integer, SyntheticTenant> made = new HashMap<>();

    SyntheticTenants(ShoalApi api, BenchDatabase database, String secretsKey) {
        this.api = api;
        this.database = database;
        this.cipher = new SecretCipher(SecretKeys.of(secretsKey, "", List.of()));
    }

    /** A tenant of {@code size} instances copied from {@code model}, made once per size and run. */
    public synchronized SyntheticTenant ofSize(int size, UUID model) throws Exception {
        SyntheticTenant tenant = made.get(size);
        if (tenant == null) {
            tenant = make("bench-" + size, size, model);
            made.put(size, tenant);
        }
        return tenant;
    }

    private SyntheticTenant make(String id, int size, UUID model) throws Exception {
        api.createTenant(id);
        List<SyntheticTenant.Node> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(new SyntheticTenant.Node(UUID.randomUUID(), UUID.randomUUID(), NodeSecret.generate()));
        }
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            UUID modelNode = nodeOf(connection, model);
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table synthetic (seq integer, instance_id uuid, node_id uuid,"
                        + " secret varchar(255)) on commit drop");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into synthetic values (?, ?, ?, ?)")) {
                for (int i = 0; i < size; i++) {
                    SyntheticTenant.Node node = nodes.get(i);
                    insert.setInt(1, i);
                    insert.setObject(2, node.instanceId());
                    insert.setObject(3, node.nodeId());
                    insert.setString(4, cipher.encrypt(node.secret().value()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            execute(connection, INSTANCES, id, model);
            execute(connection, NODES, id, modelNode);
            execute(connection, STATUSES, modelNode);
            execute(connection, SECURITY_GROUPS, id, modelNode);
            execute(connection, TASKS, id, model, model, modelNode);
            connection.commit();
        }
        return new SyntheticTenant(id, List.copyOf(nodes));
    }

    static UUID nodeOf(Connection connection, UUID instance) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select id from nodes where instance_id = ? and deleted_at is null")) {
            query.setObject(1, instance);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("instance " + instance + " has no node");
                }
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
