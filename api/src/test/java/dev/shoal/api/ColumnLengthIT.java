package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.system.ColumnSizes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request string that is stored, one character longer than its column (see the migrations), on every path
 * that writes it: a 400 naming the field, nothing written, never a 500 nor a value cut short. Strings that only
 * name something (a region, a CIDR, an id) are refused as unknown or malformed before they could be stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnLengthIT extends ApiTestSupport {

    private static final String T = "/v1.0/lengths";

    private String token;
    private String instance;
    private String configuration;
    private String cluster;
    private String securityGroup;

    @BeforeAll
    void fixtures() {
        token = tenantToken("lengths");
        instance = activeInstance("lengths", token);
        configuration = T + "/configurations/" + call("POST", T + "/configurations", token, """
                {"configuration": {"name": "g", "datastore": {"type": "mysql", "version": "10.11"}, "values": {}}}""")
                .json().path("configuration").path("id").asString();
        cluster = T + "/clusters/" + call("POST", T + "/clusters", token, """
                {"cluster": {"name": "ring", "datastore": {"type": "cassandra"}, "flavorRef": "2",
                 "volume": {"size": 1}, "size": 3}}""").json().path("cluster").path("id").asString();
        securityGroup = call("GET", T + "/security-groups", token, null).json().path("security_groups").path(0)
                .path("id").asString();
        call("POST", instance + "/users", token, "{\"users\": [{\"name\": \"u\", \"password\": \"secret-pass\"}]}");
        // what the task manager would have done: the ring built, the user made
        jdbc.sql("update clusters set task = 'NONE' where id = ?::uuid").param(id(cluster)).update();
        jdbc.sql("update nodes set task = 'NONE' where cluster_id = ?::uuid").param(id(cluster)).update();
        jdbc.sql("update instance_users set state = 'ACTIVE'").update();
    }

    Stream<Arguments> tooLong() {
        String users = instance + "/users";
        return Stream.of(
                // instances: create, update
                row("POST", T + "/instances", create("\"name\": \"" + x(256) + "\""), 400, "instance.name"),
                row("PUT", instance, "{\"instance\": {\"name\": \"" + x(256) + "\"}}", 400, "instance.name"),
                row("POST", T + "/instances", create("\"name\": \"db\", \"access\": {\"allowed_cidrs\": [\"10.0.0.0/"
                        + "1".repeat(48) + "\"]}"), 400, "instance.access.allowed_cidrs[0]"),
                row("PUT", instance, "{\"instance\": {\"access\": {\"allowed_cidrs\": [\"" + x(50) + "\"]}}}", 400,
                        "instance.access.allowed_cidrs[0]"),
                // clusters: create, grow
                row("POST", T + "/clusters", cluster("\"name\": \"" + x(256) + "\", \"size\": 3"), 400,
                        "cluster.name"),
                row("POST", T + "/clusters", cluster("\"name\": \"c\", \"nodes\": [{\"region\": \"" + x(65)
                        + "\"}]"), 422, "cluster.nodes[0].region"),
                row("POST", T + "/clusters", cluster("\"name\": \"c\", \"nodes\": [{\"type\": \"" + x(33)
                        + "\"}]"), 422, "cluster.nodes[0].type"),
                row("POST", cluster + "/nodes", "{\"nodes\": {\"num\": 1, \"allocations\": [{\"region\": \""
                        + x(65) + "\"}]}}", 422, "nodes.allocations[0].region"),
                // configuration groups: create, PUT, PATCH
                row("POST", T + "/configurations", group("\"name\": \"" + x(256) + "\""), 400,
                        "configuration.name"),
                row("POST", T + "/configurations", group("\"name\": \"g\", \"description\": \"" + x(1025) + "\""),
                        400, "configuration.description"),
                row("POST", T + "/configurations", group("\"name\": \"g\", \"values\": {\"character_set_server\": \""
                        + x(1025) + "\"}"), 400, "configuration.values.character_set_server"),
                row("PUT", configuration, "{\"configuration\": {\"name\": \"" + x(256) + "\", \"values\": {}}}", 400,
                        "configuration.name"),
                row("PUT", configuration, "{\"configuration\": {\"values\": {\"character_set_server\": \"" + x(1025)
                        + "\"}}}", 400, "configuration.values.character_set_server"),
                row("PATCH", configuration, "{\"configuration\": {\"description\": \"" + x(1025) + "\"}}", 400,
                        "configuration.description"),
                // backups
                row("POST", T + "/backups", backup("\"name\": \"" + x(256) + "\""), 400, "backup.name"),
                row("POST", T + "/backups", backup("\"name\": \"b\", \"description\": \"" + x(1025) + "\""), 400,
                        "backup.description"),
                // databases
                row("POST", instance + "/databases", "{\"databases\": [{\"name\": \"" + x(65) + "\"}]}", 400,
                        "databases[0].name"),
                row("POST", instance + "/databases", "{\"databases\": [{\"name\": \"d\", \"character_set\": \""
                        + x(33) + "\"}]}", 400, "databases[0].character_set"),
                row("POST", instance + "/databases", "{\"databases\": [{\"name\": \"d\", \"collate\": \"" + x(65)
                        + "\"}]}", 400, "databases[0].collate"),
                // users: create, access
                row("POST", users, user("\"name\": \"" + x(33) + "\""), 400, "users[0].name"),
                row("POST", users, user("\"name\": \"u2\", \"host\": \"" + x(61) + "\""), 400, "users[0].host"),
                row("POST", users, user("\"name\": \"u2\", \"databases\": [{\"name\": \"" + x(65) + "\"}]"), 400,
                        "users[0].databases[0].name"),
                row("PUT", users + "/u/databases", "{\"databases\": [{\"name\": \"" + x(65) + "\"}]}", 400,
                        "databases[0].name"),
                // security group rules
                row("POST", T + "/security-group-rules", "{\"security_group_rule\": {\"group_id\": \""
                        + securityGroup + "\", \"cidr\": \"10.0.0.0/" + "1".repeat(48) + "\"}}", 400,
                        "security_group_rule.cidr"),
                // tenants and tokens
                row("POST", "/v1.0/mgmt/tenants", "{\"tenant\": {\"id\": \"" + x(65) + "\", \"name\": \"n\"}}", 400,
                        "tenant.id"),
                row("POST", "/v1.0/mgmt/tenants", "{\"tenant\": {\"id\": \"long\", \"name\": \"" + x(256) + "\"}}",
                        400, "tenant.name"),
                row("POST", "/v1.0/mgmt/tenants/lengths/tokens", "{\"token\": {\"name\": \"" + x(256) + "\"}}", 400,
                        "token.name"));
    }

    @ParameterizedTest(name = "{0} {1} {4}")
    @MethodSource("tooLong")
    void refusesAStringLongerThanItsColumnNamingIt(String method, String path, String body, int status,
                                                   String field) {
        long before = rows();
        String caller = path.startsWith("/v1.0/mgmt") ? OPERATOR : token;

        Response response = call(method, path, caller, body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    void theDeclaredSizesAreTheColumnsSizes() {
        assertThat(columnSizes("name", "instances", "clusters", "configurations", "backups", "tenants",
                "auth_tokens")).containsOnly(ColumnSizes.NAME);
        assertThat(columnSizes("description", "configurations", "backups")).containsOnly(ColumnSizes.DESCRIPTION);
        assertThat(columnSizes("value", "configuration_values")).containsOnly(ColumnSizes.CONFIGURATION_VALUE);
        assertThat(columnSizes("idempotency_key", "idempotency_keys")).containsOnly(ColumnSizes.IDEMPOTENCY_KEY);
    }

    private List<Integer> columnSizes(String column, String... tables) {
        return Stream.of(tables).map(table -> jdbc.sql("select character_maximum_length from"
                        + " information_schema.columns where table_name = ? and column_name = ?")
                .param(table).param(column).query(Integer.class).single()).toList();
    }

    private long rows() {
        return count("select (select count(*) from instances) + (select count(*) from clusters)"
                + " + (select count(*) from configurations) + (select count(*) from configuration_values)"
                + " + (select count(*) from backups) + (select count(*) from instance_databases)"
                + " + (select count(*) from instance_users) + (select count(*) from instance_user_grants)"
                + " + (select count(*) from security_group_rules) + (select count(*) from tenants)"
                + " + (select count(*) from auth_tokens) + (select count(*) from tasks)");
    }

    private static String x(int length) {
        return "x".repeat(length);
    }

    private static String create(String members) {
        return "{\"instance\": {" + members + ", \"datastore\": {\"type\": \"mysql\"}, \"flavorRef\": \"1\","
                + " \"volume\": {\"size\": 1}}}";
    }

    private static String cluster(String members) {
        return "{\"cluster\": {" + members + ", \"datastore\": {\"type\": \"cassandra\"}, \"flavorRef\": \"2\","
                + " \"volume\": {\"size\": 1}}}";
    }

    private static String group(String members) {
        return "{\"configuration\": {" + members + ", \"datastore\": {\"type\": \"mysql\", \"version\": \"10.11\"}}}";
    }

    private String backup(String members) {
        return "{\"backup\": {" + members + ", \"instance\": \"" + id(instance) + "\"}}";
    }

    private static String user(String members) {
        return "{\"users\": [{" + members + ", \"password\": \"secret-pass\"}]}";
    }

    private static Arguments row(String method, String path, String body, int status, String field) {
        return Arguments.of(method, path, body, status, field);
    }
}
