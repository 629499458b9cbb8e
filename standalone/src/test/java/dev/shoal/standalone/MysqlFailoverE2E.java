package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * A MariaDB master with two replicas, on real servers, left to itself: its guest killed, then its server killed, and
 * neither fails it over; then its host lost while a client commits numbered rows, and a replica takes over by itself
 * with every acknowledged row; then the old master's host comes back, and it follows the new master or, had it
 * diverged, stays fenced.
 */
class MysqlFailoverE2E extends StandaloneE2E {

    private static final String TENANT = "failover";
    private static final Duration WRITING = Duration.ofSeconds(120);

    @Test
    void aDeadMasterIsFailedOverByItselfAndNoAcknowledgedRowIsLost() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        TenantInstances instances = new TenantInstances(http, token, TENANT);
        String master = http.send("POST", instances.path(), token, """
                {"instance": {"name": "orders", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}}}""").json().path("instance").path("id").asString();
        instances.awaitActive(master);
        List<String> replicas = instances.replicate(master, 2);
        createShop(instances.url(master), instances.enableRoot(master));
        Path masterDir = nodeDirAt(instances.ip(master));

        survivesItsGuestAndItsServer(http, token, instances, master, masterDir);
        String newMaster = failsOverWithNothingLost(instances, master, replicas, masterDir);
        String follower = replicas.stream().filter(id -> !id.equals(newMaster)).findFirst().orElseThrow();
        assertThat(instances.role(follower)).isEqualTo("replica");
        assertThat(instances.shown(follower).path("endpoints").path("writer").asString())
                .as("clients find the new master").isEqualTo(instances.ip(newMaster) + ":3306");
        await("no second failover within the cool-down, once the follower acknowledges the new master's commits")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> instances.condition(newMaster, "AutoFailover").path("reason").asString(),
                        "CoolingDown"::equals);
        theFailoverSaysWhatItDid(http, token);
        theOldMasterComesBackFenced(instances, master, newMaster, masterDir);

        instances.deleteInOrder(List.of(follower, master, newMaster));
        assertThat(NodeDirectories.processesOf(masterDir)).isEmpty();
        assertThat(masterDir).doesNotExist();
    }

    /**
     * Its guest alone dies while the server serves the replicas: the guest comes back. Its server dies: its guest
     * starts it again read-only, and it writes again once confirmed. Neither fails it over.
     */
    private static void survivesItsGuestAndItsServer(ShoalHttp http, String token, TenantInstances instances,
                                                     String master, Path masterDir) throws Exception {
        long guest = currentGuest(masterDir);
        ProcessHandle.of(guest).ifPresent(ProcessHandle::destroyForcibly);
        await("the guest started again").atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> currentGuest(masterDir) != guest);
        NodeDirectories.processesOf(masterDir).stream().filter(pid -> pid != currentGuest(masterDir))
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        String url = instances.url(master);
        await("the master writes again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    insertItem(url, 0);
                    return true;
                });
        assertThat(failovers(http, token)).as("no failover for a guest or a server that came back").isEmpty();
        assertThat(instances.role(master)).isEqualTo("master");
    }

    /** @return the replica that took over once the master's host was lost while a client was writing */
    private static String failsOverWithNothingLost(TenantInstances instances, String master, List<String> replicas,
                                                   Path masterDir) throws Exception {
        String masterUrl = instances.url(master);
        List<String> urls = new ArrayList<>(List.of(masterUrl));
        replicas.forEach(replica -> urls.add(instances.url(replica)));
        NumberedRowWriter writer = new NumberedRowWriter(urls, 1, MysqlFailoverE2E::insertItem, WRITING);
        Thread writing = new Thread(writer, "writer");
        writing.start();
        // the replicas follow the master started again, and hold each commit before it is acknowledged
        await("rows committed and replicated before the loss").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> writer.acked().size() > 20
                        && urls.subList(1, urls.size()).stream().allMatch(replica -> heldBy(replica, 20))
                        && "True".equals(instances.condition(master, "Replicating").path("status").asString())
                        && "True".equals(instances.condition(master, "AutoFailover").path("status").asString()));
        Instant lost = Instant.now();
        NodeDirectories.loseHost(masterDir);
        await("a commit accepted by a new master").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> writer.firstElsewhere() != null);
        Duration failover = Duration.between(lost, writer.firstElsewhere());
        await("more rows on the new master").atMost(Duration.ofSeconds(30))
                .until(() -> writer.acked().values().stream().filter(url -> !url.equals(masterUrl)).count() > 20);
        writer.stop();
        writing.join(Duration.ofSeconds(30).toMillis());

        String newMaster = replicas.stream().filter(id -> "master".equals(instances.role(id))).findFirst()
                .orElseThrow();
        Set<Integer> held = new TreeSet<>(itemIds(instances.url(newMaster)));
        Set<Integer> lostRows = new TreeSet<>(writer.acked().keySet());
        lostRows.removeAll(held);
        System.out.printf("failover: host lost to the first commit on the new master %d ms; %d rows acknowledged,"
                + " %d lost%n", failover.toMillis(), writer.acked().size(), lostRows.size());
        assertThat(lostRows).as("acknowledged rows the new master lacks").isEmpty();
        assertThat(writer.ackedOnAfter(masterUrl, writer.firstElsewhere()))
                .as("no write on the old master after the new one took one").isEmpty();
        String follower = replicas.stream().filter(id -> !id.equals(newMaster)).findFirst().orElseThrow();
        await("the other replica follows the new master").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> new TreeSet<>(itemIds(instances.url(follower))).containsAll(held));
        return newMaster;
    }

    private static void theFailoverSaysWhatItDid(ShoalHttp http, String token) {
        String failoverId = failovers(http, token).get(0).path("id").asString();
        JsonNode operation = await("the failover complete").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", "/v1.0/" + TENANT + "/operations/" + failoverId, token, null).json()
                        .path("operation"), shown -> !shown.path("state").asString().equals("RUNNING"));
        assertThat(operation.path("requested_by").asString()).isEqualTo("shoal");
        assertThat(operation.path("state").asString()).as(operation.toString()).isEqualTo("SUCCEEDED");
        List<String> steps = new ArrayList<>();
        operation.path("steps").forEach(step -> steps.add(step.path("name").asString()));
        List<String> took = new ArrayList<>();
        operation.path("steps").forEach(step -> took.add(step.path("name").asString() + " " + Duration.between(
                Instant.parse(step.path("started").asString()), Instant.parse(step.path("finished").asString()))
                .toMillis() + " ms"));
        System.out.printf("failover steps: %s%n", took);
        assertThat(steps).startsWith("FENCE_OLD_MASTER", "APPLY_RELAY_LOGS", "CHOOSE_CANDIDATE", "ENABLE_AS_MASTER");
    }

    /** Its host comes back: it never takes a write, and follows the new master unless its history diverged. */
    private static void theOldMasterComesBackFenced(TenantInstances instances, String master, String newMaster,
                                                    Path masterDir) throws Exception {
        String masterUrl = instances.url(master);
        NodeDirectories.hostBack(masterDir);
        JsonNode rejoined = await("the old master rejoins or is refused").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> instances.shown(master),
                        shown -> "replica".equals(shown.path("role").asString(""))
                                && "ACTIVE".equals(shown.path("status").asString())
                                || "ERROR".equals(shown.path("status").asString()));
        System.out.printf("the old master came back: %s%n", rejoined.path("status").asString()
                + " " + rejoined.path("fault").path("message").asString(""));
        if ("ERROR".equals(rejoined.path("status").asString())) {
            assertThat(rejoined.path("fault").path("message").asString()).contains("diverged");
        } else {
            assertThat(rejoined.path("replica_of").path("id").asString()).isEqualTo(newMaster);
            Set<Integer> held = new TreeSet<>(itemIds(instances.url(newMaster)));
            await("the old master holds every row").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> new TreeSet<>(itemIds(masterUrl)).containsAll(held));
        }
        assertThatThrownBy(() -> insertItem(masterUrl, 1_000_000)).as("the old master takes no write")
                .isInstanceOf(SQLException.class);
    }

    private static boolean heldBy(String url, int id) {
        try {
            return itemIds(url).contains(id);
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static long currentGuest(Path nodeDir) {
        try {
            return Long.parseLong(Files.readString(nodeDir.resolve("guest.pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> failovers(ShoalHttp http, String token) {
        List<JsonNode> found = new ArrayList<>();
        http.send("GET", "/v1.0/" + TENANT + "/operations?kind=FAILOVER", token, null).json().path("operations")
                .forEach(found::add);
        return found;
    }
}
