package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trove's databases and users on a real MariaDB through the API: a database and a user with access to it, the
 * user working in it over JDBC, both listed, access to a second database granted and revoked, then the user gone
 * (its login fails) and the database gone.
 */
class MysqlAccountsE2E extends StandaloneE2E {

    private static final String TENANT = "accountsco";
    private static final String PASSWORD = "shop-Pa55'word";

    @Test
    void aUserCreatedThroughTheApiWorksInItsDatabaseUntilBothAreDeleted() throws Exception {
        ShoalHttp http = http();
        String token = http.newTenant(OPERATOR_TOKEN, TENANT);
        String path = "/v1.0/" + TENANT + "/instances/" + http.send("POST", "/v1.0/" + TENANT + "/instances", token, """
                {"instance": {"name": "shopdb", "datastore": {"type": "mysql"}, "flavorRef": "1", "volume": {"size": 1}}}""")
                .json().path("instance").path("id").asString();
        await("instance ACTIVE").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(http, path, token), s -> s.equals("ACTIVE") || s.equals("ERROR"));
        assertThat(status(http, path, token)).isEqualTo("ACTIVE");
        String url = mysqlUrl(http.send("GET", path, token, null).json().path("instance").path("ip").path(0).asString());

        long asked = System.nanoTime();
        assertThat(http.send("POST", path + "/databases", token, """
                {"databases": [{"name": "shop", "character_set": "utf8mb4", "collate": "utf8mb4_unicode_ci"}]}""")
                .status()).isEqualTo(202);
        awaitTask(http, path, token, "CREATE_DATABASES");
        System.out.printf("database created in %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        asked = System.nanoTime();
        assertThat(http.send("POST", path + "/users", token, """
                {"users": [{"name": "shopper", "password": "%s", "databases": [{"name": "shop"}]}]}"""
                .formatted(PASSWORD)).status()).isEqualTo(202);
        awaitTask(http, path, token, "CREATE_USERS");
        System.out.printf("user created in %d ms%n", (System.nanoTime() - asked) / 1_000_000);

        String shopUrl = url.replace("3306/", "3306/shop");
        try (Connection shopper = DriverManager.getConnection(shopUrl, "shopper", PASSWORD);
             Statement sql = shopper.createStatement()) {
            sql.execute("create table items (id int primary key)");
            sql.execute("insert into items values (1)");
        }
        assertThat(names(http.send("GET", path + "/databases", token, null).json(), "databases"))
                .containsExactly("shop");
        JsonNode users = http.send("GET", path + "/users", token, null).json().path("users");
        assertThat(users).hasSize(1);
        assertThat(users.path(0).path("name").asString()).isEqualTo("shopper");
        assertThat(users.path(0).path("host").asString()).isEqualTo("%");
        assertThat(users.path(0).path("databases").path(0).path("name").asString()).isEqualTo("shop");

        String root = http.send("POST", path + "/root", token, null).json().path("user").path("password").asString();
        await("root applied").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> canConnect(url, "root", root));
        assertThat(rootQuery(url, root, "select default_collation_name from information_schema.schemata"
                + " where schema_name = 'shop'")).containsExactly("utf8mb4_unicode_ci");

        assertThat(http.send("POST", path + "/databases", token, "{\"databases\": [{\"name\": \"reports\"}]}")
                .status()).isEqualTo(202);
        awaitTask(http, path, token, "CREATE_DATABASES");
        String reportsUrl = url.replace("3306/", "3306/reports");
        assertThatThrownBy(() -> DriverManager.getConnection(reportsUrl, "shopper", PASSWORD))
                .isInstanceOf(SQLException.class);
        assertThat(http.send("PUT", path + "/users/shopper/databases", token,
                "{\"databases\": [{\"name\": \"reports\"}]}").status()).isEqualTo(202);
        awaitTask(http, path, token, "GRANT_ACCESS");
        assertThat(canConnect(reportsUrl, "shopper", PASSWORD)).isTrue();
        assertThat(names(http.send("GET", path + "/users/shopper/databases", token, null).json(), "databases"))
                .containsExactly("reports", "shop");
        assertThat(http.send("DELETE", path + "/users/shopper/databases/reports", token, null).status())
                .isEqualTo(202);
        awaitTask(http, path, token, "REVOKE_ACCESS");
        assertThatThrownBy(() -> DriverManager.getConnection(reportsUrl, "shopper", PASSWORD))
                .isInstanceOf(SQLException.class);

        assertThat(http.send("DELETE", path + "/users/shopper", token, null).status()).isEqualTo(202);
        awaitTask(http, path, token, "DELETE_USER");
        assertThatThrownBy(() -> DriverManager.getConnection(shopUrl, "shopper", PASSWORD))
                .isInstanceOf(SQLException.class);
        assertThat(http.send("GET", path + "/users", token, null).json().path("users")).isEmpty();

        assertThat(http.send("DELETE", path + "/databases/shop", token, null).status()).isEqualTo(202);
        awaitTask(http, path, token, "DELETE_DATABASE");
        assertThat(rootQuery(url, root, "show databases")).doesNotContain("shop");
        assertThat(names(http.send("GET", path + "/databases", token, null).json(), "databases"))
                .containsExactly("reports");

        assertThat(http.send("POST", path + "/databases", token, """
                {"databases": [{"name": "odd", "collate": "utf8mb4_klingon_ci"}]}""").status())
                .as("a collation name of the right form").isEqualTo(202);
        JsonNode failed = finishedTask(http, path, token, "CREATE_DATABASES");
        assertThat(failed.path("state").asString()).isEqualTo("FAILED");
        assertThat(failed.path("description").asString()).as("the server's reason").contains("klingon");
        assertThat(names(http.send("GET", path + "/databases", token, null).json(), "databases"))
                .as("a change the server refused is taken back").containsExactly("reports");
        assertThat(status(http, path, token)).isEqualTo("ACTIVE");

        assertThat(http.send("DELETE", path, token, null).status()).isEqualTo(202);
        await("instance gone").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.send("GET", path, token, null).status() == 404);
    }

    /** The instance shows the change as its task while it applies; done once that task completed. */
    private static void awaitTask(ShoalHttp http, String path, String token, String kind) {
        JsonNode task = finishedTask(http, path, token, kind);
        assertThat(task.path("state").asString()).as(task.toString()).isEqualTo("COMPLETED");
    }

    private static JsonNode finishedTask(ShoalHttp http, String path, String token, String kind) {
        await(kind).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.send("GET", path, token, null).json().path("instance").path("task"),
                        task -> kind.equals(task.path("name").asString())
                                && !"PENDING".equals(task.path("state").asString())
                                && !"RUNNING".equals(task.path("state").asString()));
        return http.send("GET", path, token, null).json().path("instance").path("task");
    }

    private static List<String> names(JsonNode body, String key) {
        List<String> names = new ArrayList<>();
        body.path(key).forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    private static List<String> rootQuery(String url, String password, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "root", password);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
