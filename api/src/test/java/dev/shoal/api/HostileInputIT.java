package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each cause of a 5xx or of loose input found by fuzzing: the answer is a 4xx problem body with Trove's fault
 * envelope naming the field, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends ApiTestSupport {

    private static final String T = "/v1.0/hostile";
    private static final String NUL = "\\u0000";
    private static final HttpClient RAW = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String token;
    private String instance;
    private String configuration;

    @BeforeAll
    void tenant() {
        token = tenantToken("hostile");
        instance = activeInstance("hostile", token);
        configuration = T + "/configurations/" + call("POST", T + "/configurations", token, """
                {"configuration": {"name": "g", "datastore": {"type": "mysql", "version": "10.11"}, "values": {}}}""")
                .json().path("configuration").path("id").asString();
    }

    Stream<Arguments> hostileRequests() {
        String cluster = T + "/clusters/" + UUID.randomUUID();
        return Stream.of(
                bad("NUL in a name", "POST", T + "/instances", create("\"a" + NUL + "b\"", "1"), 400,
                        "instance.name"),
                bad("tab in a name", "POST", T + "/instances", create("\"a\\tb\"", "1"), 400, "instance.name"),
                bad("NUL in a datastore type", "POST", T + "/instances", "{\"instance\": {\"name\": \"db\","
                        + " \"datastore\": {\"type\": \"my" + NUL + "\"}, \"flavorRef\": \"1\", \"volume\": {\"size\":"
                        + " 1}}}", 400, "instance.datastore.type"),
                bad("NUL in a description", "PATCH", configuration, "{\"configuration\": {\"description\": \"a"
                        + NUL + "\"}}", 400, "configuration.description"),
                bad("NUL in a member name", "POST", T + "/instances", "{\"instance\": {\"na" + NUL + "me\": 1}}",
                        400, "instance"),
                bad("NUL in a query parameter", "GET", T + "/backups?datastore=%00", null, 400, "datastore"),
                bad("unknown operation state", "GET", T + "/operations?state=DONE", null, 400, "state"),
                bad("operation resource that is no id", "GET", T + "/operations?resource_id=x", null, 400,
                        "resource_id"),
                bad("volume size past long", "POST", instance + "/action",
                        "{\"resize\": {\"volume\": {\"size\": 9223372036854775808}}}", 400, "resize.volume.size"),
                bad("volume size past int in a record", "POST", T + "/instances", create("\"db\"", "2147483648"),
                        400, "instance.volume.size"),
                bad("configuration name longer than its column", "PATCH", configuration,
                        "{\"configuration\": {\"name\": \"" + "n".repeat(300) + "\"}}", 400, "configuration.name"),
                bad("number for a name", "POST", T + "/instances", create("5", "1"), 400, "instance.name"),
                bad("boolean for a user host", "POST", instance + "/users", "{\"users\": [{\"name\": \"u2\","
                        + " \"password\": \"secret-pass\", \"host\": true}]}", 400, "users[0].host"),
                bad("fraction for a volume size", "POST", T + "/instances", create("\"db\"", "1.9"), 400,
                        "instance.volume.size"),
                bad("fraction for a cluster size", "POST", T + "/clusters", "{\"cluster\": {\"name\": \"c\","
                        + " \"size\": 1.9}}", 400, "cluster.size"),
                bad("text for a cluster size", "POST", T + "/clusters", "{\"cluster\": {\"name\": \"c\","
                        + " \"size\": \"x\"}}", 400, "cluster.size"),
                bad("text for a node count", "POST", cluster + "/nodes", "{\"nodes\": {\"num\": \"x\"}}", 400,
                        "nodes.num"),
                bad("unknown member of an instance", "POST", T + "/instances", "{\"instance\": {\"name\": \"db\","
                        + " \"flavorRef\": \"1\", \"volume\": {\"size\": 1}, \"colour\": \"red\"}}", 400,
                        "instance.colour"),
                bad("unknown member of a cluster", "POST", T + "/clusters", "{\"cluster\": {\"name\": \"c\","
                        + " \"instances\": [{\"flavorRef\": \"1\", \"ram\": 1}]}}", 400, "cluster.instances[0].ram"),
                bad("unknown member of a configuration", "PATCH", configuration,
                        "{\"configuration\": {\"valeus\": {}}}", 400, "configuration.valeus"),
                bad("PUT of a configuration without values", "PUT", configuration, "{}", 400,
                        "configuration.values"),
                bad("token from an empty body", "POST", "/v1.0/mgmt/tenants/hostile/tokens", "{}", 400,
                        "token.name"),
                bad("NUL in a token name", "POST", "/v1.0/mgmt/tenants/hostile/tokens",
                        "{\"token\": {\"name\": \"a" + NUL + "\"}}", 400, "token.name"),
                bad("unknown instance action", "POST", instance + "/action", "{\"reboot\": {}}", 400, "reboot"),
                bad("unknown member of a resize", "POST", instance + "/action",
                        "{\"resize\": {\"flavorRef\": \"2\", \"colour\": 1}}", 400, "resize.colour"),
                bad("unknown member of a restart", "POST", instance + "/action", "{\"restart\": {\"force\": true}}",
                        400, "restart.force"),
                bad("fraction for a replica count", "POST", instance + "/action",
                        "{\"replicate\": {\"count\": 1.5}}", 400, "replicate.count"),
                bad("unknown member beside an instance update", "PUT", instance,
                        "{\"instance\": {\"name\": \"x\"}, \"extra\": 1}", 400, "extra"),
                bad("unknown member of an instance update", "PUT", instance, "{\"instance\": {\"colour\": 1}}",
                        400, "instance.colour"),
                bad("number for an instance's configuration", "PUT", instance,
                        "{\"instance\": {\"configuration\": 5}}", 400, "instance.configuration"),
                bad("unknown member of a grow", "POST", cluster, "{\"grow\": [{\"region_name\": \"west\","
                        + " \"ram\": 1}]}", 400, "grow[0].ram"),
                bad("unknown member of a cluster restart", "POST", cluster, "{\"restart\": {\"x\": 1}}", 400,
                        "restart.x"),
                bad("unknown cluster action", "POST", cluster, "{\"upgrade\": {\"datastore_version\": \"5\"}}",
                        400, "upgrade"),
                bad("unknown member of a node replacement", "POST", cluster + "/action",
                        "{\"replace_node\": {\"id\": \"" + UUID.randomUUID() + "\", \"force\": true}}", 400,
                        "replace_node.force"),
                bad("unknown quota resource", "PUT", T + "/mgmt/quotas/hostile", "{\"quotas\": {\"ram\": 5}}",
                        400, "quotas.ram"),
                bad("unknown member beside quotas", "PUT", T + "/mgmt/quotas/hostile",
                        "{\"quotas\": {\"instances\": 5}, \"x\": 1}", 400, "x"),
                bad("fraction for a quota", "PUT", T + "/mgmt/quotas/hostile", "{\"quotas\": {\"instances\": 1.5}}",
                        400, "quotas.instances"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void answersAProblemNamingTheField(String name, String method, String path, String body, int status,
                                       String field) {
        long before = rows();
        String caller = path.contains("/mgmt/") ? OPERATOR : token;

        Response response = call(method, path, caller, body);

        assertProblem(response.status(), response.contentType(), response.body(), status);
        assertThat(response.json().path("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(rows()).as("nothing written").isEqualTo(before);
    }

    @Test
    void refusesAFormBodyWith415() {
        Response response = call("POST", instance + "/users", token, "users=u", "application/x-www-form-urlencoded");

        assertProblem(response.status(), response.contentType(), response.body(), 415);
    }

    @Test
    void acceptsTheMembersTrovesSchemaAllowsThatShoalDoesNotUse() {
        Response response = call("POST", T + "/instances", token, """
                {"instance": {"name": "trove-extras", "datastore": {"type": "mysql", "version": "10.11",
                  "version_number": "10.11.6"}, "flavorRef": 1, "volume": {"size": 1, "type": null},
                  "availability_zone": "nova", "nics": [{"net-id": "n"}], "modules": [], "region_name": "west",
                  "locality": "anti-affinity", "databases": [], "users": []}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Response group = call("POST", T + "/configurations", token, """
                {"configuration": {"name": "g2", "values": {}, "datastore": {"type": "mysql", "version": "10.11",
                  "version_number": "10.11.6"}}}""");
        assertThat(group.status()).as(group.body()).isEqualTo(200);
    }

    @Test
    void anUnknownActionIsRefusedWithTheActionsThatExist() {
        Response response = call("POST", instance + "/action", token, "{\"reboot\": {}}");

        assertThat(response.json().path("detail").asString()).as(response.body())
                .contains("reboot").contains("restart").contains("promote_to_replica_source");
    }

    @Test
    void acceptsTheMembersTrovesActionSchemasAllowThatShoalDoesNotUse() {
        String cluster = T + "/clusters/" + UUID.randomUUID();
        Response grow = call("POST", cluster, token, """
                {"grow": [{"name": "n4", "flavorRef": "2", "volume": {"size": 1, "type": null}, "nics": [],
                  "availability_zone": "nova", "modules": [], "related_to": "x", "type": "member",
                  "region_name": "west"}]}""");
        assertThat(grow.status()).as("read, then the cluster is not found: " + grow.body()).isEqualTo(404);

        Response resize = call("POST", activeInstance("hostile", token) + "/action", token,
                "{\"resize\": {\"volume\": {\"size\": 2, \"type\": null}}}");
        assertThat(resize.status()).as(resize.body()).isEqualTo(202);
    }

    @Test
    void refusesAPutOfEmptyValuesOnlyWhenAsked() {
        Response response = call("PUT", configuration, token, "{\"configuration\": {\"values\": {}}}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    Stream<Arguments> hostilePaths() {
        String users = instance + "/users";
        return Stream.of(
                Arguments.of("GET", users + "/../databases", 400),
                Arguments.of("DELETE", users + "/%2e%2e/databases/db", 400),
                Arguments.of("DELETE", users + "/./x", 400),
                Arguments.of("GET", users + ";jsessionid=1", 400),
                Arguments.of("GET", users + "/a%2Fb", 400),
                Arguments.of("GET", users + "/a%00b", 400),
                Arguments.of("GET", users + "/a%0ab", 400),
                Arguments.of("GET", T + "/instances/%20", 404),
                Arguments.of("PROPFIND", T + "/instances", 405),
                Arguments.of("TRACE", T + "/instances", 405),
                Arguments.of("GET", T + "/no-such-thing", 404));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostilePaths")
    void answersAProblemForAPathItRefuses(String method, String path, int status) throws Exception {
        long before = rows();

        HttpResponse<String> response = RAW.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Auth-Token", token).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), status);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void answersAProblemForAnOversizedHeader() throws Exception {
        HttpResponse<String> response = RAW.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + T + "/instances")).header("X-Auth-Token", "x".repeat(64 * 1024)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), 400);
    }

    static void assertProblem(int status, String contentType, String body, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).as(body).startsWith("application/problem+json");
        JsonNode json = JSON.readTree(body);
        assertThat(json.path("status").asInt()).isEqualTo(expected);
        assertThat(json.path(troveFault(expected)).path("code").asInt()).as(body).isEqualTo(expected);
        assertThat(body).doesNotContain("Exception").doesNotContain("<html");
    }

    private static String troveFault(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 415 -> "badMediaType";
            case 503 -> "serviceUnavailable";
            default -> throw new IllegalArgumentException("no fault for " + status);
        };
    }

    private long rows() {
        return count("select (select count(*) from instances) + (select count(*) from auth_tokens)"
                + " + (select count(*) from configuration_values) + (select count(*) from clusters)"
                + " + (select count(*) from tasks)");
    }

    private static String create(String name, String size) {
        return "{\"instance\": {\"name\": " + name + ", \"datastore\": {\"type\": \"mysql\"}, \"flavorRef\": \"1\","
                + " \"volume\": {\"size\": " + size + "}}}";
    }

    private static Arguments bad(String name, String method, String path, String body, int status, String field) {
        return Arguments.of(name, method, path, body, status, field);
    }
}
