package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trove's backups through HTTP on real MariaDB servers: rows written over JDBC, a backup COMPLETED in the backup
 * store with its checksum, a new instance restored from it holding those rows (and the accounts Shoal lists), the
 * backup deleted and its file gone; a dump the server cannot write FAILED with the reason and nothing left behind;
 * a cluster's node refused by the capability's name.
 */
class MysqlBackupE2E extends StandaloneE2E {

    private static final String TENANT = "backupco";
    private static final String INSTANCES = "/v1.0/" + TENANT + "/instances";
    private static final String BACKUPS = "/v1.0/" + TENANT + "/backups";
    private static final Path STORE = WORK_DIR.resolve("nodes").resolve(".backups");

    @Test
    void anInstanceRestoredFromABackupHoldsItsRowsAndADeletedBackupIsGone() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String source = createInstance(http, token, "orders", "");
        awaitActive(http, token, source);
        assertThat(http.send("POST", INSTANCES + "/" + source + "/databases", token,
                "{\"databases\": [{\"name\": \"shop\"}]}").status()).isEqualTo(202);
        awaitNoTask(http, token, source);
        assertThat(http.send("POST", INSTANCES + "/" + source + "/users", token, """
                {"users": [{"name": "app", "password": "%s", "databases": [{"name": "shop"}]}]}"""
                .formatted(APP_PASSWORD)).status()).isEqualTo(202);
        awaitNoTask(http, token, source);
        String sourceUrl = mysqlUrl(ip(http, token, source));
        appSql(sourceUrl, "create table shop.items (id int primary key)", "insert into shop.items values (1), (2), (3)");

        long asked = System.nanoTime();
        ShoalHttp.Response created = http.send("POST", BACKUPS, token, """
                {"backup": {"name": "before-sale", "instance": "%s", "description": "three items"}}"""
                .formatted(source));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String backupId = created.json().path("backup").path("id").asString();
        assertThat(status(http, INSTANCES + "/" + source, token)).as("the instance while it is backed up")
                .isEqualTo("BACKUP");
        JsonNode backup = awaitBackup(http, token, backupId);
        System.out.printf("backup POST to COMPLETED: %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("COMPLETED");
        Path file = Path.of(backup.path("locationRef").asString());
        assertThat(file).exists().hasParent(STORE);
        assertThat(backup.path("checksum").asString()).isEqualTo(sha256(file));
        assertThat(backup.path("size").asDouble()).isEqualTo(Files.size(file) / (1024.0 * 1024 * 1024));
        assertThat(status(http, INSTANCES + "/" + source, token)).isEqualTo("ACTIVE");
        appSql(sourceUrl, "insert into shop.items values (4)");

        asked = System.nanoTime();
        String restored = createInstance(http, token, "orders-copy",
                ", \"restorePoint\": {\"backupRef\": \"" + backupId + "\"}");
        awaitActive(http, token, restored);
        System.out.printf("restore POST to ACTIVE: %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        assertThat(itemIds(mysqlUrl(ip(http, token, restored)))).as("the rows of the moment of the backup")
                .containsExactly(1, 2, 3);
        assertThat(names(http.send("GET", INSTANCES + "/" + restored + "/databases", token, null).json(),
                "databases")).containsExactly("shop");
        assertThat(names(http.send("GET", INSTANCES + "/" + restored + "/users", token, null).json(), "users"))
                .containsExactly("app");

        assertThat(ids(http.send("GET", BACKUPS, token, null).json())).containsExactly(backupId);
        assertThat(ids(http.send("GET", INSTANCES + "/" + source + "/backups", token, null).json()))
                .containsExactly(backupId);
        assertThat(http.send("DELETE", BACKUPS + "/" + backupId, token, null).status()).isEqualTo(202);
        await("backup deleted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send("GET", BACKUPS + "/" + backupId, token, null).status() == 404);
        assertThat(file).doesNotExist();

        // a view over a table that is gone: the server cannot dump it
        appSql(sourceUrl, "create table shop.gone (id int)", "create view shop.broken as select id from shop.gone",
                "drop table shop.gone");
        String failedId = http.send("POST", BACKUPS, token, """
                {"backup": {"name": "broken", "instance": "%s"}}""".formatted(source)).json().path("backup")
                .path("id").asString();
        JsonNode failed = awaitBackup(http, token, failedId);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("fault").path("message").asString()).as("the server's reason")
                .contains("mariadb-dump", "broken");
        assertThat(storeFiles()).noneMatch(name -> name.contains(failedId));
        assertThat(status(http, INSTANCES + "/" + source, token)).isEqualTo("ACTIVE");
        assertThat(http.send("DELETE", BACKUPS + "/" + failedId, token, null).status()).isEqualTo(202);
        await("failed backup deleted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send("GET", BACKUPS + "/" + failedId, token, null).status() == 404);

        for (String id : List.of(restored, source)) {
            assertThat(http.send("DELETE", INSTANCES + "/" + id, token, null).status()).isEqualTo(202);
        }
        for (String id : List.of(restored, source)) {
            await("instance gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> http.send("GET", INSTANCES + "/" + id, token, null).status() == 404);
        }
    }

    @Test
    void aClusterNodesBackupIsRefusedByTheCapabilityName() {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, "backupnodes");
        ShoalHttp.Response cluster = http.send("POST", "/v1.0/backupnodes/clusters", token, """
                {"cluster": {"name": "set", "datastore": {"type": "mysql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 2}}""");
        assertThat(cluster.status()).as(cluster.body()).isIn(200, 202);
        String clusterId = cluster.json().path("cluster").path("id").asString();
        String node = cluster.json().path("cluster").path("instances").path(0).path("id").asString();

        ShoalHttp.Response refused = http.send("POST", "/v1.0/backupnodes/backups", token,
                "{\"backup\": {\"name\": \"node\", \"instance\": \"" + node + "\"}}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("message").asString()).contains("backup-create");
        assertThat(http.send("GET", "/v1.0/backupnodes/backups", token, null).json().path("backups")).isEmpty();

        http.send("DELETE", "/v1.0/backupnodes/clusters/" + clusterId, token, null);
        await("cluster gone").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send("GET", "/v1.0/backupnodes/clusters/" + clusterId, token, null).status() == 404);
    }

    private static String createInstance(ShoalHttp http, String token, String name, String more) {
        ShoalHttp.Response created = http.send("POST", INSTANCES, token, """
                {"instance": {"name": "%s", "datastore": {"type": "mysql"}, "flavorRef": "1",
                              "volume": {"size": 1}%s}}""".formatted(name, more));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("instance").path("id").asString();
    }

    private static void awaitActive(ShoalHttp http, String token, String id) {
        await("instance " + id + " ACTIVE").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, INSTANCES + "/" + id, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        assertThat(status(http, INSTANCES + "/" + id, token))
                .as(http.send("GET", INSTANCES + "/" + id, token, null).body()).isEqualTo("ACTIVE");
    }

    /** The instance's last task is done, so a backup may follow. */
    private static void awaitNoTask(ShoalHttp http, String token, String id) {
        await("task of " + id + " done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send("GET", INSTANCES + "/" + id, token, null).json().path("instance")
                        .path("task").path("state").asString(), state -> state.equals("COMPLETED"));
    }

    private static JsonNode awaitBackup(ShoalHttp http, String token, String id) {
        await("backup " + id + " done").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send("GET", BACKUPS + "/" + id, token, null).json().path("backup")
                        .path("status").asString(), s -> !s.equals("NEW") && !s.equals("BUILDING"));
        return http.send("GET", BACKUPS + "/" + id, token, null).json().path("backup");
    }

    private static String ip(ShoalHttp http, String token, String id) {
        return http.send("GET", INSTANCES + "/" + id, token, null).json().path("instance").path("ip").path(0)
                .asString();
    }

    private static void appSql(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "app", APP_PASSWORD);
             Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> storeFiles() throws Exception {
        if (!Files.isDirectory(STORE)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(STORE)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("backups").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static List<String> names(JsonNode body, String key) {
        List<String> names = new ArrayList<>();
        body.path(key).forEach(item -> names.add(item.path("name").asString()));
        return names;
    }
}
