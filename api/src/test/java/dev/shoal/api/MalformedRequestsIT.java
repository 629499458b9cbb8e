package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a 4xx problem body naming what is wrong, carries Trove's fault envelope, and writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsIT extends ApiTestSupport {


    private String token;

    @BeforeAll
    void tenant() {
        token = tenantToken("malformed");
    }

    static Stream<Arguments> malformedRequests() {
        String instances = "/v1.0/malformed/instances";
        return Stream.of(
                bad("not JSON", "POST", instances, "{\"instance\": ", 400, "badRequest", null),
                bad("empty body", "POST", instances, "", 400, "badRequest", null),
                bad("no instance key", "POST", instances, "{}", 400, "badRequest", "instance"),
                bad("another member instead of instance", "POST", instances, "{\"name\": \"x\"}", 400,
                        "badRequest", "name"),
                bad("JSON array", "POST", instances, "[]", 400, "badRequest", null),
                bad("blank name", "POST", instances, body("\" \"", "\"1\"", "1"), 400, "badRequest",
                        "instance.name"),
                bad("name too long", "POST", instances, body("\"" + "n".repeat(256) + "\"", "\"1\"", "1"), 400,
                        "badRequest", "instance.name"),
                bad("name not a string", "POST", instances, body("{\"a\": 1}", "\"1\"", "1"), 400, "badRequest",
                        "instance.name"),
                bad("volume zero", "POST", instances, body("\"db\"", "\"1\"", "0"), 400, "badRequest",
                        "instance.volume.size"),
                bad("volume too large", "POST", instances, body("\"db\"", "\"1\"", "101"), 400, "badRequest",
                        "instance.volume.size"),
                bad("volume not a number", "POST", instances, body("\"db\"", "\"1\"", "\"abc\""), 400,
                        "badRequest", "instance.volume.size"),
                bad("no volume", "POST", instances,
                        "{\"instance\": {\"name\": \"db\", \"datastore\": {\"type\": \"mysql\"}, \"flavorRef\": \"1\"}}",
                        400, "badRequest", "instance.volume.size"),
                bad("unknown flavor", "POST", instances, body("\"db\"", "\"99\"", "1"), 422, "unprocessableEntity",
                        "instance.flavorRef"),
                bad("unknown datastore", "POST", instances, "{\"instance\": {\"name\": \"db\", \"datastore\": "
                        + "{\"type\": \"oracle\"}, \"flavorRef\": \"1\", \"volume\": {\"size\": 1}}}", 422,
                        "unprocessableEntity", "instance.datastore.type"),
                bad("unknown version", "POST", instances, "{\"instance\": {\"name\": \"db\", \"datastore\": "
                        + "{\"type\": \"mysql\", \"version\": \"4.0\"}, \"flavorRef\": \"1\", \"volume\": "
                        + "{\"size\": 1}}}", 422, "unprocessableEntity", "instance.datastore.version"),
                bad("unknown configuration", "POST", instances, "{\"instance\": {\"name\": \"db\", \"datastore\": "
                        + "{\"type\": \"mysql\"}, \"flavorRef\": \"1\", \"volume\": {\"size\": 1}, \"configuration\": \""
                        + UUID.randomUUID() + "\"}}", 422, "unprocessableEntity", "instance.configuration"),
                bad("configuration named by no group", "POST", instances, "{\"instance\": {\"name\": \"db\", \"datastore\": "
                        + "{\"type\": \"mysql\"}, \"flavorRef\": \"1\", \"volume\": {\"size\": 1}, \"configuration\": "
                        + "\"nope\"}}", 422, "unprocessableEntity", "instance.configuration"),
                bad("several fields at once", "POST", instances, "{\"instance\": {}}", 400, "badRequest", null),
                bad("malformed id in the path", "GET", instances + "/not-a-uuid", null, 404, "itemNotFound", null),
                bad("unknown instance", "GET", instances + "/" + UUID.randomUUID(), null, 404, "itemNotFound", null),
                bad("delete unknown instance", "DELETE", instances + "/" + UUID.randomUUID(), null, 404,
                        "itemNotFound", null),
                bad("limit negative", "GET", instances + "?limit=-1", null, 400, "badRequest", "limit"),
                bad("limit not a number", "GET", instances + "?limit=abc", null, 400, "badRequest", "limit"),
                bad("limit too large", "GET", instances + "?limit=100000", null, 400, "badRequest", "limit"),
                bad("unknown marker", "GET", instances + "?marker=" + UUID.randomUUID(), null, 400, "badRequest",
                        "marker"),
                bad("wrong method", "PATCH", instances, "{}", 405, "badMethod", null),
                bad("unknown path", "GET", "/v1.0/malformed/nothing-here", null, 404, "itemNotFound", null),
                bad("unknown tenant", "GET", "/v1.0/somebody-else/instances", null, 404, "itemNotFound", null),
                bad("unknown datastore in catalog", "GET", "/v1.0/malformed/datastores/oracle/versions", null, 404,
                        "itemNotFound", null),
                bad("tenant token on mgmt", "GET", "/v1.0/mgmt/tenants", null, 403, "forbidden", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void answersAProblemNamingTheFault(String name, String method, String path, String body, int status,
                                       String troveKey, String field) {
        long before = instanceRows();

        Response response = call(method, path, token, body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path(troveKey).path("code").asInt()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path(troveKey).path("message").asString()).isNotBlank();
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().path("field").asString()).as(response.body()).isEqualTo(field);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.shoal");
        assertThat(instanceRows()).as("nothing half-written").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedMediaTypes")
    void refusesBodiesThatAreNotJson(String contentType) {
        Response response = call("POST", "/v1.0/malformed/instances", token, "name=db", contentType);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("badMediaType").path("code").asInt()).isEqualTo(415);
    }

    static Stream<String> unsupportedMediaTypes() {
        return Stream.of("text/plain", "application/x-www-form-urlencoded");
    }

    private long instanceRows() {
        return jdbc.sql("select count(*) from instances").query(Long.class).single();
    }

    private static String body(String name, String flavor, String volume) {
        return "{\"instance\": {\"name\": " + name + ", \"datastore\": {\"type\": \"mysql\"}, \"flavorRef\": "
                + flavor + ", \"volume\": {\"size\": " + volume + "}}}";
    }

    private static Arguments bad(String name, String method, String path, String body, int status, String troveKey,
                                 String field) {
        return Arguments.of(name, method, path, body, status, troveKey, field);
    }
}
