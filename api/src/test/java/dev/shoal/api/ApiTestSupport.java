package dev.shoal.api;

import dev.shoal.contracts.NodeSecret;
import dev.shoal.testsupport.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API on a random port against this machine's PostgreSQL and RabbitMQ, spoken to over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// suites that send unknown tokens on purpose are not where the authentication-failure limit is tested; suites change
// rows behind the api's back and read them at once, so every answer is built anew (RecentInstanceViewsIT keeps views)
@TestPropertySource(properties = {"shoal.api.auth-failures.capacity=100000", "shoal.api.read-cache-ttl=0s"})
public abstract class ApiTestSupport {

    protected static final String OPERATOR = "shoal_api-test-operator-0123456789abcdef";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestServices.databaseAndBroker(registry, "shoal_api_test", "shoal-api-test");
        registry.add("shoal.api.bootstrap-token", () -> OPERATOR);
        registry.add("shoal.api.regions", () -> "west,east,eu");
        // no task manager runs here: a root enable nobody completes answers within the suite's patience
        registry.add("shoal.api.root-enable-timeout", () -> "2s");
    }

    protected Response call(String method, String path, String token, String body) {
        return call(method, path, token, body, "application/json");
    }

    protected Response call(String method, String path, String token, String body, String contentType) {
        return call(method, path, token, body, contentType, null);
    }

    protected Response call(String method, String path, String token, String body, String contentType,
                            String accept) {
        return send(port, method, path, token, body, contentType, accept);
    }

    /** A JSON request with headers of its own ({@code Idempotency-Key}). */
    protected Response call(String method, String path, String token, String body, Map<String, String> headers) {
        return send(port, method, path, token, body, "application/json", null, headers);
    }

    /** One request to the API on {@code port}, for suites that start it their own way. */
    static Response send(int port, String method, String path, String token, String body, String contentType,
                         String accept) {
        return send(port, method, path, token, body, contentType, accept, Map.of());
    }

    static Response send(int port, String method, String path, String token, String body, String contentType,
                         String accept, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new tenant and a token of it. */
    protected String tenantToken(String tenantId) {
        Response tenant = call("POST", "/v1.0/mgmt/tenants", OPERATOR,
                "{\"tenant\": {\"id\": \"" + tenantId + "\", \"name\": \"" + tenantId + "\"}}");
        if (tenant.status() != 201) {
            throw new IllegalStateException(tenant.body());
        }
        return call("POST", "/v1.0/mgmt/tenants/" + tenantId + "/tokens", OPERATOR, "{\"token\": {\"name\": \"t\"}}")
                .json().path("token").path("token").asString();
    }

    /** What the task manager would have done: every node built, each with a fresh heartbeat. */
    protected void settle(String... instanceIds) {
        settle(jdbc, instanceIds);
    }

    static void settle(JdbcClient jdbc, String... instanceIds) {
        for (String id : instanceIds) {
            UUID node = jdbc.sql("select id from nodes where instance_id = ?").param(UUID.fromString(id))
                    .query(UUID.class).single();
            jdbc.sql("update nodes set task = 'NONE', task_description = null, secret = coalesce(secret, ?)"
                    + " where id = ?").param(NodeSecret.generate().value()).param(node).update();
            jdbc.sql("""
                    insert into service_statuses (node_id, status, sent_at, updated_at)
                    values (?, 'RUNNING', now(), now())
                    on conflict (node_id) do update set status = 'RUNNING', sent_at = now(), updated_at = now()""")
                    .param(node).update();
            jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?::uuid and state <> 'COMPLETED'")
                    .param(id).update();
        }
    }

    /** A new instance its task manager has built (see {@link #settle}); answers its path. */
    protected String activeInstance(String tenant, String token) {
        String id = call("POST", "/v1.0/" + tenant + "/instances", token, createBody("db")).json().path("instance")
                .path("id").asString();
        settle(id);
        return "/v1.0/" + tenant + "/instances/" + id;
    }

    /** The last segment of a resource's path: its id. */
    protected static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    protected long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    protected UUID nodeOf(String instanceId) {
        return jdbc.sql("select id from nodes where instance_id = ?").param(UUID.fromString(instanceId))
                .query(UUID.class).single();
    }

    protected static String createBody(String name) {
        return """
                {"instance": {"name": "%s", "datastore": {"type": "mysql", "version": "10.11"},
                              "flavorRef": "1", "volume": {"size": 1}}}""".formatted(name);
    }

    protected record Response(int status, JsonNode json, String body, String contentType, String retryAfter,
                              HttpHeaders headers) {

        /** The header's value, or null when the answer has none. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
