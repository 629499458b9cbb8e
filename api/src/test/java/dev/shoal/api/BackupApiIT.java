package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Trove's backups as the API keeps them: what a request writes (the backup, its task, the instance's BACKUP),
 * what it refuses and with which field or status, paging and filters, deleting, the backups quota, and an instance
 * restored from a backup. No task manager runs here: what it would do is written into the rows by hand.
 */
class BackupApiIT extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBackupIsWrittenWithItsTaskAndTheInstanceShowsBackupUntilItIsDone() {
        String token = tenantToken("backupco");
        String instance = activeInstance("backupco", token);

        Response created = call("POST", "/v1.0/backupco/backups", token, """
                {"backup": {"name": "nightly", "instance": "%s", "description": "before the migration",
                            "incremental": 0}}""".formatted(id(instance)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        JsonNode backup = created.json().path("backup");
        assertThat(backup.path("status").asString()).isEqualTo("NEW");
        assertThat(backup.path("name").asString()).isEqualTo("nightly");
        assertThat(backup.path("description").asString()).isEqualTo("before the migration");
        assertThat(backup.path("instance_id").asString()).isEqualTo(id(instance));
        assertThat(backup.path("project_id").asString()).isEqualTo("backupco");
        assertThat(backup.path("datastore").path("type").asString()).isEqualTo("mysql");
        assertThat(backup.path("datastore").path("version").asString()).isEqualTo("10.11");
        assertThat(backup.path("datastore").path("version_id").asString()).isEqualTo(MYSQL_10_11);
        assertThat(backup.has("locationRef")).isTrue();
        assertThat(backup.path("locationRef").isNull()).isTrue();
        assertThat(backup.path("size").isNull()).isTrue();
        assertThat(backup.path("parent_id").isNull()).isTrue();
        String backupId = backup.path("id").asString();
        assertThat(count("select count(*) from tasks where kind = 'CREATE_BACKUP' and resource_id = ?::uuid",
                backupId)).isEqualTo(1);
        assertThat(call("GET", instance, token, null).json().path("instance").path("status").asString())
                .isEqualTo("BACKUP");

        Response again = call("POST", "/v1.0/backupco/backups", token, body("second", id(instance)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("message").asString()).contains("BACKUP", "ACTIVE");
        assertThat(call("DELETE", "/v1.0/backupco/backups/" + backupId, token, null).status())
                .as("a backup being written stays").isEqualTo(409);
        assertThat(call("DELETE", instance, token, null).status()).as("so does its instance").isEqualTo(409);

        complete(backupId);
        JsonNode shown = call("GET", "/v1.0/backupco/backups/" + backupId, token, null).json().path("backup");
        assertThat(shown.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(shown.path("locationRef").asString()).endsWith(backupId + ".sql.gz");
        assertThat(shown.path("size").asDouble()).isEqualTo(2.0);
        assertThat(ids(call("GET", instance + "/backups", token, null))).containsExactly(backupId);

        assertThat(call("DELETE", "/v1.0/backupco/backups/" + backupId, token, null).status()).isEqualTo(202);
        assertThat(call("DELETE", "/v1.0/backupco/backups/" + backupId, token, null).status()).isEqualTo(202);
        assertThat(count("select count(*) from tasks where kind = 'DELETE_BACKUP' and resource_id = ?::uuid",
                backupId)).as("deleting twice is one delete").isEqualTo(1);
    }

    @Test
    void badBodiesAreRefusedByFieldAndWhatShoalDoesNotOfferByName() {
        String token = tenantToken("badbackups");
        String instance = id(activeInstance("badbackups", token));
        record Refusal(String body, int status, String field) {
        }
        for (Refusal refusal : List.of(
                new Refusal("{}", 400, "backup"),
                new Refusal("{\"backup\": {\"instance\": \"" + instance + "\"}}", 400, "backup.name"),
                new Refusal("{\"backup\": {\"name\": \"n\"}}", 400, "backup.instance"),
                new Refusal("{\"backup\": {\"name\": \"n\", \"instance\": \"nope\"}}", 400, "backup.instance"),
                new Refusal("{\"backup\": {\"name\": \"" + "n".repeat(256) + "\", \"instance\": \"" + instance
                        + "\"}}", 400, "backup.name"),
                new Refusal("{\"backup\": {\"name\": \"n\", \"instance\": \"" + instance + "\", \"incremental\": 1}}",
                        422, "backup.incremental"),
                new Refusal("{\"backup\": {\"name\": \"n\", \"instance\": \"" + instance + "\", \"parent_id\": \""
                        + instance + "\"}}", 422, "backup.parent_id"),
                new Refusal("{\"backup\": {\"name\": \"n\", \"instance\": \"" + instance
                        + "\", \"swift_container\": \"c\"}}", 422, "backup.swift_container"),
                new Refusal("{\"backup\": {\"name\": \"n\", \"restore_from\": {\"remote_location\": \"x\"}, "
                        + "\"instance\": \"" + instance + "\"}}", 422, "backup.restore_from"))) {
            Response refused = call("POST", "/v1.0/badbackups/backups", token, refusal.body());
            assertThat(refused.status()).as(refusal.body()).isEqualTo(refusal.status());
            assertThat(refused.json().path("field").asString()).as(refusal.body()).isEqualTo(refusal.field());
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Response malformed = call("POST", "/v1.0/badbackups/backups", token, "{\"backup\": {\"name\": [1]}}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("field").asString()).isEqualTo("backup.name");
        assertThat(count("select count(*) from backups where tenant_id = 'badbackups'")).isZero();

        String building = call("POST", "/v1.0/badbackups/instances", token, createBody("early")).json()
                .path("instance").path("id").asString();
        Response early = call("POST", "/v1.0/badbackups/backups", token, body("early", building));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("message").asString()).contains("BUILD");
        assertThat(count("select count(*) from backups where tenant_id = 'badbackups'")).isZero();
    }

    @Test
    void anotherTenantsBackupsAndInstancesAreNotFoundAndAClusterNodeIsRefusedByTheCapabilityName() {
        String owner = tenantToken("backupowner");
        String other = tenantToken("backupother");
        String instance = id(activeInstance("backupowner", owner));
        String backupId = call("POST", "/v1.0/backupowner/backups", owner, body("mine", instance)).json()
                .path("backup").path("id").asString();

        assertThat(call("GET", "/v1.0/backupother/backups/" + backupId, other, null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/v1.0/backupother/backups/" + backupId, other, null).status()).isEqualTo(404);
        assertThat(call("POST", "/v1.0/backupother/backups", other, body("theirs", instance)).status())
                .isEqualTo(404);
        assertThat(call("GET", "/v1.0/backupother/instances/" + instance + "/backups", other, null).status())
                .isEqualTo(404);
        assertThat(call("GET", "/v1.0/backupother/backups", other, null).json().path("backups")).isEmpty();
        assertThat(call("GET", "/v1.0/backupowner/backups/" + backupId, other, null).status())
                .as("another tenant's path").isEqualTo(404);
        assertThat(call("GET", "/v1.0/backupowner/backups/not-a-uuid", owner, null).status()).isEqualTo(404);

        String node = call("POST", "/v1.0/backupowner/clusters", owner, """
                {"cluster": {"name": "set", "datastore": {"type": "mysql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 2}}""").json().path("cluster").path("instances")
                .path(0).path("id").asString();
        Response refused = call("POST", "/v1.0/backupowner/backups", owner, body("node", node));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("field").asString()).isEqualTo("capability");
        assertThat(refused.json().path("message").asString()).contains("backup-create", "clusters");
        Response listed = call("GET", "/v1.0/backupowner/instances/" + node + "/backups", owner, null);
        assertThat(listed.status()).isEqualTo(422);
        assertThat(listed.json().path("message").asString()).contains("backup-list-instance");
    }

    @Test
    void backupsArePagedNewestFirstAndFilteredByInstanceAndDatastore() {
        String token = tenantToken("backuppages");
        String first = id(activeInstance("backuppages", token));
        String second = id(activeInstance("backuppages", token));
        List<String> made = new ArrayList<>();
        for (String instance : List.of(first, second, first)) {
            Response created = call("POST", "/v1.0/backuppages/backups", token, body("b" + made.size(), instance));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            made.add(created.json().path("backup").path("id").asString());
            complete(made.get(made.size() - 1));
        }

        Response page = call("GET", "/v1.0/backuppages/backups?limit=2", token, null);
        assertThat(ids(page)).containsExactly(made.get(2), made.get(1));
        String next = page.json().path("links").path(0).path("href").asString();
        assertThat(next).contains("marker=" + made.get(1));
        assertThat(ids(call("GET", next.substring(next.indexOf("/v1.0")), token, null))).containsExactly(made.get(0));
        assertThat(ids(call("GET", "/v1.0/backuppages/backups?instance_id=" + first, token, null)))
                .containsExactly(made.get(2), made.get(0));
        assertThat(ids(call("GET", "/v1.0/backuppages/instances/" + second + "/backups", token, null)))
                .containsExactly(made.get(1));
        assertThat(ids(call("GET", "/v1.0/backuppages/backups?datastore=mysql", token, null))).hasSize(3);
        assertThat(ids(call("GET", "/v1.0/backuppages/backups?datastore=cassandra", token, null))).isEmpty();

        assertThat(call("GET", "/v1.0/backuppages/backups?datastore=oracle", token, null).json().path("field")
                .asString()).isEqualTo("datastore");
        assertThat(call("GET", "/v1.0/backuppages/backups?instance_id=x", token, null).json().path("field")
                .asString()).isEqualTo("instance_id");
        assertThat(call("GET", "/v1.0/backuppages/backups?limit=0", token, null).status()).isEqualTo(400);
        assertThat(call("GET", "/v1.0/backuppages/backups?marker=" + first, token, null).json().path("field")
                .asString()).isEqualTo("marker");
    }

    @Test
    void theBackupsQuotaIsTrovesAndShownWithTheLimits() {
        String token = tenantToken("backupquota");
        String instance = id(activeInstance("backupquota", token));
        assertThat(call("GET", "/v1.0/backupquota/limits", token, null).json().path("limits").path(0)
                .path("max_backups").asInt()).isEqualTo(50);
        Response set = call("PUT", "/v1.0/backupquota/mgmt/quotas/backupquota", OPERATOR,
                "{\"quotas\": {\"backups\": 1}}");
        assertThat(set.json().path("quotas").path("backups").asInt()).as(set.body()).isEqualTo(1);

        String backupId = call("POST", "/v1.0/backupquota/backups", token, body("one", instance)).json()
                .path("backup").path("id").asString();
        complete(backupId);
        Response over = call("POST", "/v1.0/backupquota/backups", token, body("two", instance));
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.json().path("overLimit").path("message").asString()).contains("backups", "1 of 1");
        JsonNode quotas = call("GET", "/v1.0/backupquota/mgmt/quotas/backupquota", token, null).json().path("quotas");
        assertThat(quotas.path(2).path("resource").asString()).isEqualTo("backups");
        assertThat(quotas.path(2).path("in_use").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from backups where tenant_id = 'backupquota'")).isEqualTo(1);
    }

    @Test
    void anInstanceIsRestoredFromACompletedBackupOfItsDatastoreOnly() {
        String token = tenantToken("restoreco");
        String instance = id(activeInstance("restoreco", token));
        String backupId = call("POST", "/v1.0/restoreco/backups", token, body("base", instance)).json()
                .path("backup").path("id").asString();

        Response notYet = call("POST", "/v1.0/restoreco/instances", token, restore(backupId, ""));
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.json().path("field").asString()).isEqualTo("instance.restorePoint.backupRef");
        assertThat(notYet.json().path("message").asString()).contains("NEW");
        complete(backupId);
        Response otherDatastore = call("POST", "/v1.0/restoreco/instances", token,
                restore(backupId, "\"datastore\": {\"type\": \"cassandra\"},"));
        assertThat(otherDatastore.status()).isEqualTo(422);
        assertThat(otherDatastore.json().path("field").asString()).isEqualTo("instance.restorePoint.backupRef");
        Response unknown = call("POST", "/v1.0/restoreco/instances", token,
                restore("7b3f2a0e-0000-4000-8000-000000000000", ""));
        assertThat(unknown.json().path("field").asString()).isEqualTo("instance.restorePoint.backupRef");
        Response tooSmall = call("POST", "/v1.0/restoreco/instances", token, restore(backupId, ""));
        assertThat(tooSmall.status()).as("a 2 GB backup does not fit in 1 GB").isEqualTo(422);
        assertThat(tooSmall.json().path("field").asString()).isEqualTo("instance.volume.size");

        Response restored = call("POST", "/v1.0/restoreco/instances", token,
                restore(backupId, "\"datastore\": {\"type\": \"mysql\"},").replace("\"size\": 1", "\"size\": 3"));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().path("instance").path("status").asString()).isEqualTo("BUILD");
        assertThat(restored.json().path("instance").path("datastore").path("version").asString()).isEqualTo("10.11");
        String restoredId = restored.json().path("instance").path("id").asString();
        assertThat(count("select count(*) from tasks where kind = 'CREATE_INSTANCE' and resource_id = ?::uuid"
                + " and parameters like ?", restoredId, "%" + backupId + "%")).isEqualTo(1);

        Response inUse = call("DELETE", "/v1.0/restoreco/backups/" + backupId, token, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().path("message").asString()).contains("restored");
    }

    private static final String MYSQL_10_11 = "7b3f2a0e-0b1d-4c59-9a55-3d0c2f6b1a11";

    private static String body(String name, String instance) {
        return "{\"backup\": {\"name\": \"" + name + "\", \"instance\": \"" + instance + "\"}}";
    }

    private static String restore(String backupId, String datastore) {
        return """
                {"instance": {"name": "copy", %s "flavorRef": "1", "volume": {"size": 1},
                              "restorePoint": {"backupRef": "%s"}}}""".formatted(datastore, backupId);
    }

    /** What the task manager does once the guest wrote the dump: a 2 GB backup, the instance ACTIVE again. */
    private void complete(String backupId) {
        jdbc.sql("""
                update backups set state = 'COMPLETED', location = '/store/mysql-' || id || '.sql.gz',
                       size_bytes = 2147483648, checksum = repeat('a', 64) where id = ?::uuid""").param(backupId)
                .update();
        jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?::uuid").param(backupId).update();
        jdbc.sql("""
                update nodes set task = 'NONE' where instance_id = (select instance_id from backups where id = ?::uuid)
                """).param(backupId).update();
    }

    private static List<String> ids(Response response) {
        List<String> ids = new ArrayList<>();
        response.json().path("backups").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
