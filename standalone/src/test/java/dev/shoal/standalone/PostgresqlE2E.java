package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL through {@code /instances}, on real servers: a master and two streaming replicas that hold its writes and
 * refuse their own, a configuration group read back from the running server, a backup restored into a new instance,
 * the master's host lost while a client commits numbered rows and a replica taking over by itself with every
 * acknowledged row, the old master back as a replica of the new one, and nothing left on the hosts once the instances
 * are deleted. One set serves every step, so that the suite stays short.
 */
class PostgresqlE2E extends StandaloneE2E {

    private static final String TENANT = "pgshop";

    @Test
    void aReplicatedSetServesBacksUpAndFailsOverWithoutLosingAcknowledgedRows() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        TenantInstances instances = new TenantInstances(http, token, TENANT);
        String master = create(http, token, instances, "orders", "");
        instances.awaitActive(master);
        List<String> replicas = instances.replicate(master, 2);
        String rootPassword = enableRoot(http, token, instances, master);
        PostgresqlShop.create(instances.ip(master), rootPassword, 1, 2);

        replicasHoldTheMastersRowsAndRefuseWrites(instances, replicas);
        aGroupsValueReachesTheRunningServer(http, token, instances, master, rootPassword);
        aBackupRestoresIntoANewInstance(http, token, instances, master);
        List<Path> dirs = new ArrayList<>();
        for (String id : List.of(master, replicas.get(0), replicas.get(1))) {
            dirs.add(nodeDirAt(instances.ip(id)));
        }
        String newMaster = failsOverWithNothingLost(instances, master, replicas, dirs.get(0));
        String follower = replicas.stream().filter(id -> !id.equals(newMaster)).findFirst().orElseThrow();
        theOldMasterComesBackAsAReplica(instances, master, newMaster, dirs.get(0));

        instances.deleteInOrder(List.of(follower, master, newMaster));
        for (Path dir : dirs) {
            assertThat(NodeDirectories.processesOf(dir)).as("processes of " + dir).isEmpty();
            assertThat(dir).doesNotExist();
        }
    }

    private static void replicasHoldTheMastersRowsAndRefuseWrites(TenantInstances instances, List<String> replicas)
            throws SQLException {
        for (String replica : replicas) {
            String ip = instances.ip(replica);
            await("rows replicated to " + ip).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> PostgresqlShop.ids(ip), ids -> ids.equals(List.of(1, 2)));
            assertThat(instances.replicaOf(replica)).isNotNull();
        }
        assertThatThrownBy(() -> PostgresqlShop.insert(instances.ip(replicas.get(0)), 99))
                .as("a replica refuses writes").isInstanceOf(SQLException.class).hasMessageContaining("read-only");
    }

    private static void aGroupsValueReachesTheRunningServer(ShoalHttp http, String token, TenantInstances instances,
                                                            String master, String rootPassword) {
        ShoalHttp.Response group = http.send("POST", "/v1.0/" + TENANT + "/configurations", token, """
                {"configuration": {"name": "sorts", "datastore": {"type": "postgresql"},
                                   "values": {"work_mem": 8192}}}""");
        assertThat(group.status()).as(group.body()).isEqualTo(200);
        String groupId = group.json().path("configuration").path("id").asString();
        ShoalHttp.Response attached = http.send("PUT", instances.path() + "/" + master, token,
                "{\"instance\": {\"configuration\": \"" + groupId + "\"}}");
        assertThat(attached.status()).as(attached.body()).isEqualTo(202);
        String ip = instances.ip(master);
        await("work_mem applied live").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> PostgresqlShop.show(ip, rootPassword, "work_mem"), "8MB"::equals);
        await("ACTIVE again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> instances.status(master), "ACTIVE"::equals);
    }

    private static void aBackupRestoresIntoANewInstance(ShoalHttp http, String token, TenantInstances instances,
                                                        String master) throws Exception {
        String backups = "/v1.0/" + TENANT + "/backups";
        ShoalHttp.Response created = http.send("POST", backups, token,
                "{\"backup\": {\"name\": \"two-items\", \"instance\": \"" + master + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String backupId = created.json().path("backup").path("id").asString();
        await("backup done").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", backups + "/" + backupId, token, null).json().path("backup")
                        .path("status").asString(), s -> !s.equals("NEW") && !s.equals("BUILDING"));
        JsonNode backup = http.send("GET", backups + "/" + backupId, token, null).json().path("backup");
        assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("COMPLETED");
        await("the master ACTIVE after its backup").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> instances.status(master), "ACTIVE"::equals);
        PostgresqlShop.insert(instances.ip(master), 3);

        String restored = create(http, token, instances, "orders-copy",
                ", \"restorePoint\": {\"backupRef\": \"" + backupId + "\"}");
        instances.awaitActive(restored);
        String ip = instances.ip(restored);
        await("the restored server answers").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> PostgresqlShop.ids(ip), ids -> !ids.isEmpty());
        assertThat(PostgresqlShop.ids(ip)).as("the rows of the moment of the backup").containsExactly(1, 2);
        Path dir = nodeDirAt(ip);
        instances.deleteInOrder(List.of(restored));
        assertThat(NodeDirectories.processesOf(dir)).isEmpty();
        assertThat(dir).doesNotExist();
        assertThat(http.send("DELETE", backups + "/" + backupId, token, null).status()).isEqualTo(202);
    }

    /** @return the replica that took over once the master's host was lost while a client was writing */
    private static String failsOverWithNothingLost(TenantInstances instances, String master, List<String> replicas,
                                                   Path masterDir) throws Exception {
        List<String> ips = new ArrayList<>(List.of(instances.ip(master)));
        replicas.forEach(replica -> ips.add(instances.ip(replica)));
        NumberedRowWriter writer = new NumberedRowWriter(ips, 1001, PostgresqlShop::insert,
                Duration.ofSeconds(120));
        Thread writing = new Thread(writer, "writer");
        writing.start();
        try {
            await("rows committed and replicated before the loss").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> writer.acked().size() > 20
                            && ips.subList(1, ips.size()).stream().allMatch(ip -> PostgresqlShop.holds(ip, 1020))
                            && "True".equals(instances.condition(master, "Replicating").path("status").asString())
                            && "True".equals(instances.condition(master, "AutoFailover").path("status").asString()));
            Instant lost = Instant.now();
            NodeDirectories.loseHost(masterDir);
            await("a commit accepted by a new master").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50)).until(() -> writer.firstElsewhere() != null);
            Duration failover = Duration.between(lost, writer.firstElsewhere());
            await("more rows on the new master").atMost(Duration.ofSeconds(30)).until(() -> writer.acked().values()
                    .stream().filter(ip -> !ip.equals(ips.get(0))).count() > 20);
            writer.stop();
            writing.join(Duration.ofSeconds(30).toMillis());

            String newMaster = replicas.stream().filter(id -> "master".equals(instances.role(id))).findFirst()
                    .orElseThrow();
            Set<Integer> held = new TreeSet<>(PostgresqlShop.ids(instances.ip(newMaster)));
            Set<Integer> lostRows = new TreeSet<>(writer.acked().keySet());
            lostRows.removeAll(held);
            System.out.printf("postgresql failover: host lost to the first commit on the new master %d ms;"
                    + " %d rows acknowledged, %d lost%n", failover.toMillis(), writer.acked().size(), lostRows.size());
            assertThat(lostRows).as("acknowledged rows the new master lacks").isEmpty();
            assertThat(writer.ackedOnAfter(ips.get(0), writer.firstElsewhere()))
                    .as("no write on the old master after the new one took one").isEmpty();
            String follower = replicas.stream().filter(id -> !id.equals(newMaster)).findFirst().orElseThrow();
            assertThat(instances.role(follower)).isEqualTo("replica");
            await("the other replica follows the new master").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> new TreeSet<>(PostgresqlShop.ids(instances.ip(follower))).containsAll(held));
            return newMaster;
        } finally {
            writer.stop();
        }
    }

    /**
     * Its host comes back: its WAL tail past the failover, which no replica acknowledged, is discarded and it follows
     * the new master, holding every row written since and taking no write of its own.
     */
    private static void theOldMasterComesBackAsAReplica(TenantInstances instances, String master, String newMaster,
                                                        Path masterDir) throws Exception {
        Instant back = Instant.now();
        NodeDirectories.hostBack(masterDir);
        JsonNode rejoined = await("the old master rejoins").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250)).until(() -> instances.shown(master),
                        shown -> "replica".equals(shown.path("role").asString(""))
                                && "ACTIVE".equals(shown.path("status").asString())
                                || "ERROR".equals(shown.path("status").asString()));
        assertThat(rejoined.path("status").asString()).as(rejoined.toString()).isEqualTo("ACTIVE");
        System.out.printf("postgresql rejoin: host back to a replica of the new master %d ms%n",
                Duration.between(back, Instant.now()).toMillis());
        assertThat(instances.replicaOf(master)).isEqualTo(newMaster);
        PostgresqlShop.insert(instances.ip(newMaster), 5001);
        Set<Integer> held = new TreeSet<>(PostgresqlShop.ids(instances.ip(newMaster)));
        String ip = instances.ip(master);
        await("the old master holds the new master's rows").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> new TreeSet<>(PostgresqlShop.ids(ip)), held::equals);
        assertThatThrownBy(() -> PostgresqlShop.insert(ip, 1_000_000)).as("the old master takes no write")
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
    }

    private static String create(ShoalHttp http, String token, TenantInstances instances, String name, String more) {
        ShoalHttp.Response created = http.send("POST", instances.path(), token, """
                {"instance": {"name": "%s", "datastore": {"type": "postgresql"}, "flavorRef": "1",
                              "volume": {"size": 1}%s}}""".formatted(name, more));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("instance").path("id").asString();
    }

    private static String enableRoot(ShoalHttp http, String token, TenantInstances instances, String id) {
        String password = http.send("POST", instances.path() + "/" + id + "/root", token, null).json().path("user")
                .path("password").asString();
        String ip = instances.ip(id);
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> PostgresqlShop.canConnect(ip, password));
        return password;
    }
}
