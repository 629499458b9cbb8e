package dev.shoal.taskmanager.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.guest.StopDb;
import dev.shoal.domain.node.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cancelled operations on a real node stop at a safe point and leave the instance as it was. */
class TaskCancellationIT extends RealGuestTaskSuite {

    @Test
    void aCancelledBuildStopsAtItsNextSafePointAndLeavesNoInstanceNodeOrProcessBehind() {
        UUID instance = newInstance("cancelled");
        UUID build = tasks.insert(instance, "CREATE_INSTANCE", "START", Duration.ofMinutes(2));
        tasks.run(build);
        await("guest started").atMost(Duration.ofSeconds(60)).until(() -> tasks.step(build).equals("AWAIT_ACTIVE"));
        UUID node = nodeOf(instance);
        Path nodeDir = WORK.resolve(node.toString());
        assertThat(nodeDir.resolve("guest.properties")).exists();

        jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(build).update();

        await("cancelled").atMost(Duration.ofSeconds(60)).until(() -> tasks.state(build).equals("CANCELLED"));
        assertThat(jdbc.sql("select message from tasks where id = ?").param(build).query(String.class).single())
                .isEqualTo("Cancelled at step AWAIT_ACTIVE");
        assertThat(jdbc.sql("select name || ' ' || state from operation_steps where task_id = ? order by position")
                .param(build).query(String.class).list())
                .containsExactly("ALLOCATE DONE", "SPAWN DONE", "PREPARE DONE", "AWAIT_ACTIVE CANCELLED", "UNDO DONE");
        assertThat(nodeDir).doesNotExist();
        assertThat(processesUnder(nodeDir)).isZero();
        assertThat(jdbc.sql("select count(*) from nodes where id = ? and deleted_at is not null and ip is null")
                .param(node).query(Long.class).single()).as("node gone, address released").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from instances where id = ? and deleted_at is not null")
                .param(instance).query(Long.class).single()).as("the instance is gone").isEqualTo(1);
    }

    @Test
    void aCancelledConfigurationApplyPutsBackTheGroupAndTheValuesTheNodesRanWith() {
        UUID instance = newInstance("reconfigured");
        UUID node = built(instance);
        UUID before = group("reconfigured", "77");
        UUID after = group("reconfigured", "88");
        jdbc.sql("update instances set configuration_id = ? where id = ?").param(after).param(instance).update();
        UUID applied = tasks.insert(instance, "APPLY_CONFIGURATION", "START", Duration.ofMinutes(2));
        tasks.run(applied);
        await("applied").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(applied).equals("COMPLETED"));
        assertThat(runningMaxConnections(node)).isEqualTo("88");

        UUID cancelled = tasks.insert(instance, "APPLY_CONFIGURATION", "START", Duration.ofMinutes(2));
        jdbc.sql("""
                update tasks set cancel_requested_at = now(),
                       parameters = '{"previous_configuration_id": "%s", "previous_values": {"max_connections": "77"}}'
                 where id = ?""".formatted(before)).param(cancelled).update();
        tasks.run(cancelled);

        await("cancelled").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(cancelled).equals("CANCELLED"));
        assertThat(jdbc.sql("select configuration_id from instances where id = ?").param(instance)
                .query(UUID.class).single()).isEqualTo(before);
        assertThat(runningMaxConnections(node)).as("the node runs the values it had").isEqualTo("77");

        // the same node as a cluster's member: the group's values change, reach it, and a cancelled apply puts back 77
        UUID cluster = UUID.randomUUID();
        jdbc.sql("""
                insert into clusters (id, tenant_id, name, datastore_version_id, flavor_id, volume_size, created,
                                      updated)
                values (?, 'reconfigured', 'ring', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '1', 1, now(), now())
                """).param(cluster).update();
        jdbc.sql("update nodes set instance_id = null, cluster_id = ?, configuration_id = ? where id = ?")
                .param(cluster).param(before).param(node).update();
        jdbc.sql("update configuration_values set value = '66' where configuration_id = ?").param(before).update();
        UUID clusterApplied = clusterTask(cluster, "APPLY_CLUSTER_CONFIGURATION", null);
        tasks.run(clusterApplied);
        await("applied to the cluster").atMost(Duration.ofSeconds(30))
                .until(() -> tasks.state(clusterApplied).equals("COMPLETED"));
        assertThat(runningMaxConnections(node)).isEqualTo("66");

        UUID clusterCancelled = clusterTask(cluster, "APPLY_CLUSTER_CONFIGURATION",
                "{\"previous_configuration_id\": \"%s\", \"previous_values\": {\"max_connections\": \"77\"}}"
                        .formatted(before));
        jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(clusterCancelled).update();
        tasks.run(clusterCancelled);
        await("cluster apply cancelled").atMost(Duration.ofSeconds(30))
                .until(() -> tasks.state(clusterCancelled).equals("CANCELLED"));
        assertThat(runningMaxConnections(node)).as("the member runs the values it had").isEqualTo("77");
    }

    private UUID clusterTask(UUID cluster, String kind, String parameters) {
        UUID task = UUID.randomUUID();
        jdbc.sql("""
                insert into tasks (id, tenant_id, kind, resource_type, resource_id, state, step, parameters, deadline,
                                   created, updated)
                select ?, tenant_id, ?, 'cluster', id, 'PENDING', 'START', ?, now() + interval '2 minutes', now(),
                       now()
                  from clusters where id = ?""").param(task).param(kind).param(parameters).param(cluster).update();
        return task;
    }

    @Test
    void aDeleteCancelledOnceItStoppedTheDatastoreStartsItAgainAndLeavesTheInstanceAsItWas() {
        UUID instance = newInstance("undeleted");
        UUID node = built(instance);
        Node stopped = nodes.findById(node).orElseThrow();
        guests.call(stopped, MessageTypes.STOP_DB, new StopDb(), "stopped-by-the-test", Duration.ofSeconds(60));
        Instant cancelledAt = Instant.now();

        jdbc.sql("update nodes set task = 'DELETING' where id = ?").param(node).update();
        UUID delete = tasks.insert(instance, "DELETE_INSTANCE", "STOP_DB", Duration.ofMinutes(2));
        jdbc.sql("update tasks set cancel_requested_at = now() where id = ?").param(delete).update();
        tasks.run(delete);

        await("cancelled").atMost(Duration.ofSeconds(30)).until(() -> tasks.state(delete).equals("CANCELLED"));
        assertThat(jdbc.sql("select name || ' ' || state from operation_steps where task_id = ? order by position")
                .param(delete).query(String.class).list()).contains("STOP_DB CANCELLED", "UNDO DONE")
                .doesNotContain("DESTROY DONE");
        assertThat(jdbc.sql("select task from nodes where id = ? and deleted_at is null").param(node)
                .query(String.class).single()).isEqualTo("NONE");
        assertThat(jdbc.sql("select count(*) from instances where id = ? and deleted_at is null").param(instance)
                .query(Long.class).single()).as("the instance stays").isEqualTo(1);
        String stored = jdbc.sql("select secret from nodes where id = ?").param(node).query(String.class).single();
        playConductorUntilRunning(node, new NodeSecret(secrets.decrypt(stored)), cancelledAt);

        // a delete that stopped another operation as it began cannot go back: asked to cancel, it carries on
        jdbc.sql("update nodes set task = 'DELETING' where id = ?").param(node).update();
        UUID again = tasks.insert(instance, "DELETE_INSTANCE", "START", Duration.ofMinutes(2));
        jdbc.sql("""
                update tasks set cancel_requested_at = now(),
                       parameters = '{"stopped_operations": ["%s"], "previous_task": "NONE"}'
                 where id = ?""".formatted(UUID.randomUUID())).param(again).update();
        tasks.run(again);
        await("deleted").atMost(Duration.ofSeconds(60)).until(() -> tasks.state(again).equals("COMPLETED"));
        Path nodeDir = WORK.resolve(node.toString());
        assertThat(nodeDir).doesNotExist();
        assertThat(processesUnder(nodeDir)).isZero();
    }
}
