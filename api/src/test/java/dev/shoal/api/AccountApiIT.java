package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trove's databases and users of an instance as the API keeps them: what it writes (rows and a task, never a
 * password), what it refuses and with which field, and that a refused request leaves nothing behind.
 */
class AccountApiIT extends ApiTestSupport {


    @Test
    void databasesAndUsersAreWrittenWithTheirTaskAndListedFromShoalsOwnRows() {
        String token = tenantToken("accounts");
        String path = activeInstance("accounts", token);

        Response created = call("POST", path + "/databases", token, """
                {"databases": [{"name": "orders", "character_set": "utf8mb4", "collate": "utf8mb4_bin"},
                               {"name": "audit"}, {"name": "zeta"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(count("select count(*) from tasks where kind = 'CREATE_DATABASES' and resource_id = ?::uuid",
                id(path))).isEqualTo(1);
        Response page = call("GET", path + "/databases?limit=2", token, null);
        assertThat(names(page, "databases")).containsExactly("audit", "orders");
        assertThat(page.json().path("databases").path(1).path("collate").asString()).isEqualTo("utf8mb4_bin");
        String next = page.json().path("links").path(0).path("href").asString();
        assertThat(names(call("GET", next.substring(next.indexOf("/v1.0")), token, null), "databases"))
                .containsExactly("zeta");

        Response user = call("POST", path + "/users", token, """
                {"users": [{"name": "shop", "password": "n0t-in-any-row", "databases": [{"name": "orders"}]},
                           {"name": "shop", "password": "n0t-in-any-row", "host": "10.0.%"}]}""");
        assertThat(user.status()).as(user.body()).isEqualTo(202);
        assertThat(count("select count(*) from tasks where parameters like '%n0t-in-any-row%'")).isZero();
        assertThat(count("select count(*) from outbox where body like '%n0t-in-any-row%'")).isZero();
        Response users = call("GET", path + "/users", token, null);
        assertThat(users.json().path("users")).hasSize(2);
        Response shown = call("GET", path + "/users/shop", token, null);
        assertThat(shown.json().path("user").path("host").asString()).isEqualTo("%");
        assertThat(shown.json().path("user").path("databases").path(0).path("name").asString()).isEqualTo("orders");
        assertThat(shown.json().path("user").has("password")).isFalse();
        assertThat(call("GET", path + "/users/shop@10.0.%25", token, null).json().path("user").path("host")
                .asString()).isEqualTo("10.0.%");
        assertThat(call("GET", "/v1.0/accounts/instances/%2e%2e/%2e%2e/mgmt/tenants", token, null).status())
                .as("an encoded dot segment climbs nowhere").isIn(400, 404);

        assertThat(call("PUT", path + "/users/shop/databases", token, "{\"databases\": [{\"name\": \"audit\"}]}")
                .status()).as("the user is still being created").isEqualTo(409);
        assertThat(call("DELETE", path + "/databases/orders", token, null).status())
                .as("the database is still being created").isEqualTo(409);
        jdbc.sql("update instance_databases set state = 'ACTIVE'").update();
        jdbc.sql("update instance_users set state = 'ACTIVE'").update();

        assertThat(call("PUT", path + "/users/shop/databases", token, "{\"databases\": [{\"name\": \"audit\"}]}")
                .status()).isEqualTo(202);
        assertThat(names(call("GET", path + "/users/shop/databases", token, null), "databases"))
                .containsExactly("audit", "orders");
        assertThat(call("DELETE", path + "/users/shop/databases/audit", token, null).status()).isEqualTo(202);
        assertThat(call("DELETE", path + "/users/shop/databases/audit", token, null).status()).isEqualTo(404);

        assertThat(call("DELETE", path + "/databases/orders", token, null).status()).isEqualTo(202);
        assertThat(names(call("GET", path + "/databases", token, null), "databases")).containsExactly("audit", "zeta");
        assertThat(call("GET", path + "/users/shop", token, null).json().path("user").path("databases"))
                .as("its grants go with the database").isEmpty();
        assertThat(call("DELETE", path + "/users/shop", token, null).status()).isEqualTo(202);
        assertThat(call("GET", path + "/users/shop", token, null).status()).isEqualTo(404);
        assertThat(count("select count(*) from tasks where resource_id = ?::uuid and kind in ('DELETE_DATABASE',"
                + " 'DELETE_USER', 'GRANT_ACCESS', 'REVOKE_ACCESS')", id(path))).isEqualTo(4);
        assertThat(call("GET", path, token, null).json().path("instance").path("task").path("name").asString())
                .as("the instance shows the change applying").isEqualTo("DELETE_USER");
    }

    @Test
    void malformedAndReservedNamesAreRefusedByFieldAndNothingIsWritten() {
        String token = tenantToken("refusals");
        String path = activeInstance("refusals", token);

        Response badName = call("POST", path + "/databases", token,
                "{\"databases\": [{\"name\": \"fine\"}, {\"name\": \"no spaces\"}]}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("field").asString()).isEqualTo("databases[1].name");
        assertThat(badName.json().path("badRequest").path("message").asString()).contains("databases[1].name");
        Response tooLong = call("POST", path + "/databases", token,
                "{\"databases\": [{\"name\": \"" + "d".repeat(65) + "\"}]}");
        assertThat(tooLong.status()).isEqualTo(400);
        Response reserved = call("POST", path + "/databases", token,
                "{\"databases\": [{\"name\": \"fine\"}, {\"name\": \"information_schema\"}]}");
        assertThat(reserved.status()).isEqualTo(422);
        assertThat(reserved.json().path("field").asString()).isEqualTo("databases[1].name");
        Response collation = call("POST", path + "/databases", token,
                "{\"databases\": [{\"name\": \"fine\", \"character_set\": \"latin1\", \"collate\": \"utf8mb4_bin\"}]}");
        assertThat(collation.json().path("field").asString()).isEqualTo("databases[0].collate");

        Response root = call("POST", path + "/users", token,
                "{\"users\": [{\"name\": \"root\", \"password\": \"long-enough\"}]}");
        assertThat(root.status()).isEqualTo(422);
        assertThat(root.json().path("field").asString()).isEqualTo("users[0].name");
        assertThat(call("POST", path + "/users", token, "{\"users\": [{\"name\": \"os_admin\", \"password\":"
                + " \"long-enough\"}]}").status()).isEqualTo(422);
        Response noPassword = call("POST", path + "/users", token, "{\"users\": [{\"name\": \"app\"}]}");
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().path("field").asString()).isEqualTo("users[0].password");
        Response unknownDb = call("POST", path + "/users", token, """
                {"users": [{"name": "app", "password": "long-enough", "databases": [{"name": "nowhere"}]}]}""");
        assertThat(unknownDb.status()).isEqualTo(422);
        assertThat(unknownDb.json().path("field").asString()).isEqualTo("users[0].databases[0].name");
        assertThat(count("select count(*) from instance_databases where instance_id = ?::uuid", id(path))).isZero();
        assertThat(count("select count(*) from instance_users where instance_id = ?::uuid", id(path))).isZero();
        assertThat(count("select count(*) from tasks where resource_id = ?::uuid and kind <> 'CREATE_INSTANCE'",
                id(path))).isZero();

        assertThat(call("POST", path + "/databases", token, "{\"databases\": [{\"name\": \"dup\"}]}").status())
                .isEqualTo(202);
        Response duplicate = call("POST", path + "/databases", token,
                "{\"databases\": [{\"name\": \"other\"}, {\"name\": \"dup\"}]}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(names(call("GET", path + "/databases", token, null), "databases")).containsExactly("dup");
        assertThat(call("POST", path + "/users", token,
                "{\"users\": [{\"name\": \"u\", \"password\": \"long-enough\"}]}").status()).isEqualTo(202);
        assertThat(call("POST", path + "/users", token,
                "{\"users\": [{\"name\": \"u\", \"password\": \"long-enough\"}]}").status()).isEqualTo(409);
        assertThat(call("DELETE", path + "/databases/nowhere", token, null).status()).isEqualTo(404);
        assertThat(call("DELETE", path + "/users/nobody", token, null).status()).isEqualTo(404);
        assertThat(call("GET", path + "/users/nobody", token, null).status()).isEqualTo(404);
    }

    @Test
    void aBuildingInstanceWaitsAndAClusterNodeIsRefusedByTheCapabilityName() {
        String token = tenantToken("accnodes");
        String building = "/v1.0/accnodes/instances/" + call("POST", "/v1.0/accnodes/instances", token,
                createBody("early")).json().path("instance").path("id").asString();
        Response early = call("POST", building + "/databases", token, "{\"databases\": [{\"name\": \"db\"}]}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("message").asString()).contains("ACTIVE");
        assertThat(call("GET", building + "/databases", token, null).status()).isEqualTo(200);

        String nodeId = call("POST", "/v1.0/accnodes/clusters", token, """
                {"cluster": {"name": "set", "datastore": {"type": "mysql"}, "flavorRef": "1",
                             "volume": {"size": 1}, "size": 2}}""").json().path("cluster").path("instances")
                .path(1).path("id").asString();
        String node = "/v1.0/accnodes/instances/" + nodeId;
        record Refusal(String method, String path, String body, String capability) {
        }
        for (Refusal refusal : List.of(
                new Refusal("POST", node + "/databases", "{\"databases\": [{\"name\": \"db\"}]}", "database-create"),
                new Refusal("GET", node + "/databases", null, "database-list"),
                new Refusal("DELETE", node + "/databases/db", null, "database-delete"),
                new Refusal("POST", node + "/users", "{\"users\": [{\"name\": \"u\", \"password\": \"long-enough\"}]}",
                        "user-create"),
                new Refusal("GET", node + "/users", null, "user-list"),
                new Refusal("GET", node + "/users/u", null, "user-list"),
                new Refusal("DELETE", node + "/users/u", null, "user-delete"))) {
            Response refused = call(refusal.method(), refusal.path(), token, refusal.body());
            assertThat(refused.status()).as(refusal.toString()).isEqualTo(422);
            assertThat(refused.json().path("field").asString()).isEqualTo("capability");
            assertThat(refused.json().path("message").asString()).contains(refusal.capability(), "clusters");
        }
    }

    private static List<String> names(Response response, String key) {
        List<String> names = new ArrayList<>();
        response.json().path(key).forEach(item -> names.add(item.path("name").asString()));
        return names;
    }
}
