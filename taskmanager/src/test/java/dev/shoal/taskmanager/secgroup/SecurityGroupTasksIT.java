package dev.shoal.taskmanager.secgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.taskmanager.task.TaskRows;
import dev.shoal.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the task manager does with security groups when the firewall cannot be applied (an iptables that does not
 * run, so it needs no root): a build stops before its server starts, an access change fails with the reason on the
 * group, and changes for nodes that run nowhere or are going wait for the build or end.
 */
@Import(TaskRows.class)
@SpringBootTest(properties = {"server.port=0", "shoal.taskmanager.scan-interval=300ms",
        "shoal.taskmanager.poll-interval=200ms", "shoal.compute.local.first-address=127.0.54.1",
        "shoal.compute.local.firewall=iptables", "shoal.compute.local.iptables=/nonexistent/iptables"})
class SecurityGroupTasksIT {

    private static final Path WORK = TaskRows.workDir("shoal-taskmanager-secgroup-it");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskRows tasks;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_taskmanager_secgroup_test", "shoal-taskmanager-secgroup-test");
        registry.add("shoal.compute.local.work-dir", WORK::toString);
    }

    @Test
    void aBuildWhoseSecurityGroupCannotBeAppliedStopsBeforeItsServerStarts() {
        UUID instance = newInstance("unguarded", null, "BUILDING");
        UUID task = tasks.insert(instance, "CREATE_INSTANCE", "START", Duration.ofMinutes(1));
        tasks.run(task);

        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.state(task).equals("FAILED"));
        assertThat(tasks.error(task)).contains("security group could not be applied", "/nonexistent/iptables-restore");
        assertThat(nodeColumn(instance, "task")).isEqualTo("BUILDING_ERROR_SEC_GROUP");
        assertThat(nodeColumn(instance, "task_description")).contains("/nonexistent/iptables-restore");
        assertThat(WORK.resolve(nodeColumn(instance, "id")).resolve("guest.pid")).as("no guest was started")
                .doesNotExist();
    }

    @Test
    void aFailedAccessChangeLeavesTheGroupFailedWithTheReason() throws IOException {
        UUID instance = newInstance("failing", "127.0.54.9", "NONE");
        Files.createDirectories(WORK.resolve(nodeColumn(instance, "id")));
        UUID task = tasks.insert(instance, "UPDATE_ACCESS", "START", Duration.ofMinutes(1));
        tasks.run(task);

        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.state(task).equals("FAILED"));
        assertThat(tasks.error(task)).contains("security group could not be applied", "/nonexistent/iptables-restore");
        assertThat(group(instance)).startsWith("FAILED: ").contains("/nonexistent/iptables-restore");
        assertThat(nodeColumn(instance, "task")).as("the datastore serves on as it did").isEqualTo("NONE");
    }

    @Test
    void aChangeForANodeThatRunsNowhereYetIsLeftToItsBuild() {
        UUID instance = newInstance("early", "127.0.54.10", "BUILDING");
        UUID task = tasks.insert(instance, "UPDATE_ACCESS", "START", Duration.ofMinutes(1));
        tasks.run(task);

        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.state(task).equals("COMPLETED"));
        assertThat(group(instance)).startsWith("PENDING: ").contains("applied when it is started");
    }

    @Test
    void aChangeForANodeBeingDeletedEnds() {
        UUID instance = newInstance("leaving", "127.0.54.11", "DELETING");
        UUID task = tasks.insert(instance, "UPDATE_ACCESS", "START", Duration.ofMinutes(1));
        tasks.run(task);

        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.state(task).equals("COMPLETED"));
        assertThat(jdbc.sql("select message from tasks where id = ?").param(task).query(String.class).single())
                .contains("superseded");
    }

    private UUID newInstance(String tenant, String ip, String nodeTask) {
        UUID instance = TaskRows.insertInstance(jdbc, tenant);
        UUID node = UUID.randomUUID();
        jdbc.sql("""
                insert into nodes (id, instance_id, tenant_id, name, datastore_version_id, flavor_id, volume_size,
                                   ip, task, created, updated)
                values (?, ?, ?, 'db', '7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11', '1', 1, ?, ?, now(), now())
                """).param(node).param(instance).param(tenant).param(ip).param(nodeTask).update();
        UUID group = UUID.randomUUID();
        jdbc.sql("""
                insert into security_groups (id, tenant_id, node_id, instance_id, name, description, is_public,
                                             created, updated)
                values (?, ?, ?, ?, 'SecGroup_' || ?, 'Security Group', true, now(), now())
                """).param(group).param(tenant).param(node).param(instance).param(instance.toString()).update();
        jdbc.sql("""
                insert into security_group_rules (id, group_id, protocol, from_port, to_port, cidr, created)
                values (gen_random_uuid(), ?, 'tcp', 3306, 3306, '10.0.0.0/8', now())
                """).param(group).update();
        return instance;
    }

    private String nodeColumn(UUID instance, String column) {
        return jdbc.sql("select " + column + "::text from nodes where instance_id = ?").param(instance)
                .query(String.class).single();
    }

    private String group(UUID instance) {
        return jdbc.sql("select enforcement || ': ' || coalesce(enforcement_message, '') from security_groups"
                + " where instance_id = ?").param(instance).query(String.class).single();
    }

}
