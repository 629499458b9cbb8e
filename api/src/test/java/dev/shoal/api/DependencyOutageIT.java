package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.testsupport.TestBroker;
import dev.shoal.testsupport.TestDatabase;
import dev.shoal.testsupport.TestServices;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api reaches this machine's PostgreSQL and RabbitMQ through proxies the test cuts and restores, so both are
 * really out of reach for the api (and only for it): every request then answers 503 with {@code Retry-After} and a
 * problem body naming what is missing, readiness goes down, and all comes back once the proxy does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoal.api.unavailable.retry-after=2s",
        // a request waits this long for a connection the pool cannot make
        "spring.datasource.hikari.connection-timeout=500",
        "shoal.api.root-enable-timeout=2s",
        "shoal.api.auth-failures.capacity=100000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependencyOutageIT {

    private static final String OPERATOR = "shoal_api-outage-operator-0123456789abcdef";
    private static TcpProxy database;
    private static TcpProxy broker;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String token;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        URI db = URI.create(TestDatabase.fresh("shoal_api_outage").substring("jdbc:".length()));
        database = new TcpProxy(db.getHost(), db.getPort());
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + database.port() + db.getPath());
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("shoal.secrets.key", () -> TestServices.SECRETS_KEY);
        URI amqp = URI.create(TestBroker.fresh("shoal-api-outage", "taskmanager", "taskmanager.dlq"));
        broker = new TcpProxy(amqp.getHost(), amqp.getPort());
        registry.add("spring.rabbitmq.addresses", () -> amqp.getScheme() + "://" + amqp.getRawUserInfo()
                + "@127.0.0.1:" + broker.port() + amqp.getRawPath());
        registry.add("shoal.api.bootstrap-token", () -> OPERATOR);
    }

    @BeforeAll
    void tenant() {
        assertThat(call("POST", "/v1.0/mgmt/tenants", OPERATOR, "{\"tenant\": {\"id\": \"outage\", \"name\":"
                + " \"outage\"}}").status()).isEqualTo(201);
        token = call("POST", "/v1.0/mgmt/tenants/outage/tokens", OPERATOR, "{\"token\": {\"name\": \"t\"}}").json()
                .path("token").path("token").asString();
    }

    @AfterEach
    void restore() {
        database.restore();
        broker.restore();
    }

    @Test
    void answers503WithRetryAfterWhileTheDatabaseIsOutOfReachAnd200OnceItIsBack() {
        database.cut();

        // more than the pool holds: the connections it had break, then new ones are refused
        for (int i = 0; i < 12; i++) {
            assertUnavailable(call("GET", "/v1.0/outage/instances", token, null), "database-unavailable");
        }
        assertUnavailable(call("POST", "/v1.0/outage/instances", token, ApiTestSupport.createBody("db")),
                "database-unavailable");
        assertUnavailable(call("GET", "/v1.0/mgmt/tenants/outage", OPERATOR, null), "database-unavailable");

        database.restore();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(call("GET", "/v1.0/outage/instances", token, null).status()).isEqualTo(200));
    }

    @Test
    void theTokenLookupOfTheSecurityChainAnswers503NotA401() {
        database.cut();

        // an unknown token is counted in PostgreSQL too, before it would be a 401
        assertUnavailable(call("GET", "/v1.0/outage/instances", "no-such-token", null), "database-unavailable");
        assertUnavailable(call("GET", "/v1.0/outage/instances", token, null), "database-unavailable");

        database.restore();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(call("GET", "/v1.0/outage/instances", "no-such-token", null).status()).isEqualTo(401));
    }

    @Test
    void readinessGoesDownWithEitherDependencyAndComesBack() {
        assertThat(call("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(200);

        database.cut();
        assertThat(call("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(503);
        assertThat(call("GET", "/actuator/health/liveness", null, null).status()).isEqualTo(200);
        database.restore();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(call("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(200));

        broker.cut();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(call("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(503));
        broker.restore();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(call("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(200));
    }

    @Test
    void rootEnableAnswers503WhenItsCastCannotLeaveForTheBroker() {
        String id = call("POST", "/v1.0/outage/instances", token, ApiTestSupport.createBody("db")).json()
                .path("instance").path("id").asString();
        ApiTestSupport.settle(jdbc, id);
        await().atMost(Duration.ofSeconds(15)).until(() -> unpublished() == 0);

        broker.cut();
        ApiTestSupport.Response root = call("POST", "/v1.0/outage/instances/" + id + "/root", token, null);

        assertUnavailable(root, "broker-unavailable");
        assertThat(unpublished()).isPositive();
        broker.restore();
        await().atMost(Duration.ofSeconds(15)).until(() -> unpublished() == 0);
    }

    private void assertUnavailable(ApiTestSupport.Response response, String code) {
        HostileInputIT.assertProblem(response.status(), response.contentType(), response.body(), 503);
        assertThat(response.retryAfter()).isEqualTo("2");
        assertThat(response.json().path("type").asString()).isEqualTo("https://shoal.dev/problems/" + code);
        assertThat(response.json().path("title").asString()).endsWith("unavailable");
        assertThat(response.body()).doesNotContain("jdbc").doesNotContain("amqp").doesNotContain("127.0.0.1")
                .doesNotContain(Integer.toString(database.port())).doesNotContain("Connection");
    }

    private long unpublished() {
        return jdbc.sql("select count(*) from outbox where published_at is null").query(Long.class).single();
    }

    private ApiTestSupport.Response call(String method, String path, String token, String body) {
        return ApiTestSupport.send(port, method, path, token, body, "application/json", null);
    }
}
