package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

/**
 * {@code Idempotency-Key} on the mutating requests, against PostgreSQL: a retry gets the first answer and nothing is
 * done twice, in this api process and in another one started later; a key is its token's own, refused when reused
 * for another request or while its first request is in progress, and usable again once it expired.
 */
class IdempotencyIT extends ApiTestSupport {

    @Autowired
    Environment environment;

    @Autowired
    ScheduledTaskHolder scheduled;

    @Test
    void aRetryGetsTheFirstAnswerAndCreatesNothingTwice() {
        String token = tenantToken("idem-replay");
        String key = UUID.randomUUID().toString();

        Response first = call("POST", "/v1.0/idem-replay/configurations", token, group("once"), key(key));
        Response retry = call("POST", "/v1.0/idem-replay/configurations", token, group("once"), key(key));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(groups("idem-replay", "once")).isEqualTo(1);
        // the same request without a key is a new one, as before
        assertThat(call("POST", "/v1.0/idem-replay/configurations", token, group("once")).status()).isEqualTo(200);
        assertThat(groups("idem-replay", "once")).isEqualTo(2);
    }

    @Test
    void aRetriedCreateOrDeleteIsDoneOnce() {
        String token = tenantToken("idem-once");
        String create = UUID.randomUUID().toString();
        String delete = UUID.randomUUID().toString();

        Response created = call("POST", "/v1.0/idem-once/instances", token, createBody("db"), key(create));
        Response again = call("POST", "/v1.0/idem-once/instances", token, createBody("db"), key(create));
        String path = "/v1.0/idem-once/instances/" + created.json().path("instance").path("id").asString();
        Response deleted = call("DELETE", path, token, null, key(delete));
        Response deletedAgain = call("DELETE", path, token, null, key(delete));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(again.header("Operation-Location")).as("the retry points at the first's operation")
                .isNotNull().isEqualTo(created.header("Operation-Location"));
        assertThat(count("select count(*) from instances where tenant_id = 'idem-once'")).isEqualTo(1);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);
        assertThat(deletedAgain.status()).isEqualTo(202);
        assertThat(deletedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(deletedAgain.header("Operation-Location")).isNotNull()
                .isEqualTo(deleted.header("Operation-Location"));
        assertThat(count("select count(*) from tasks where resource_id = ?::uuid and kind = 'DELETE_INSTANCE'",
                id(path))).isEqualTo(1);
    }

    @Test
    void keepsAClientErrorAsWell() {
        String token = tenantToken("idem-4xx");
        String key = UUID.randomUUID().toString();
        String unknownDatastore = group("bad").replace("mysql", "nosuchdb");

        Response first = call("POST", "/v1.0/idem-4xx/configurations", token, unknownDatastore, key(key));
        Response retry = call("POST", "/v1.0/idem-4xx/configurations", token, unknownDatastore, key(key));

        assertThat(first.status()).isBetween(400, 499);
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void theSameKeyWithAnotherRequestIs422NamingTheHeader() {
        String token = tenantToken("idem-reuse");
        String key = UUID.randomUUID().toString();
        call("POST", "/v1.0/idem-reuse/configurations", token, group("first"), key(key));

        Response otherBody = call("POST", "/v1.0/idem-reuse/configurations", token, group("second"), key(key));
        Response otherPath = call("POST", "/v1.0/idem-reuse/configurations?x=1", token, group("first"), key(key));

        assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        assertThat(otherBody.json().path("code").asString()).isEqualTo("idempotency-key-reused");
        assertThat(otherBody.json().path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(otherBody.json().path("unprocessableEntity").path("code").asInt()).isEqualTo(422);
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(groups("idem-reuse", "second")).isZero();
    }

    @Test
    void aMalformedKeyIs400NamingTheHeaderAndDoesNothing() {
        String token = tenantToken("idem-bad");

        Response tooLong = call("POST", "/v1.0/idem-bad/configurations", token, group("g"), key("k".repeat(256)));
        Response empty = call("POST", "/v1.0/idem-bad/configurations", token, group("g"), key("\"\""));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(tooLong.json().path("badRequest").path("code").asInt()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(groups("idem-bad", "g")).isZero();
    }

    /**
     * Root enable waits for a task manager, which no test runs: the first request is in progress for the whole root
     * enable timeout, then answers 504, a 5xx that is not kept. The retry after it succeeds, and its password is
     * kept sealed, never as it was shown.
     */
    @Test
    void aRetryWhileTheFirstIsInProgressIs409AndA5xxLeavesTheKeyFree() {
        String token = tenantToken("idem-flight");
        String instance = activeInstance("idem-flight", token);
        String key = UUID.randomUUID().toString();

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                call("POST", instance + "/root", token, null, key(key)));
        await().atMost(Duration.ofSeconds(10)).until(() -> claims(key, "PROCESSING") == 1);
        Response during = call("POST", instance + "/root", token, null, key(key));

        assertThat(during.status()).as(during.body()).isEqualTo(409);
        assertThat(during.json().path("code").asString()).isEqualTo("idempotency-key-in-use");
        assertThat(during.json().path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(during.json().path("conflict").path("code").asInt()).isEqualTo(409);
        assertThat(first.join().status()).as(first.join().body()).isEqualTo(504);
        assertThat(claims(key, null)).as("a 5xx is not kept").isZero();

        jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?::uuid").param(id(instance)).update();
        CompletableFuture<Response> retry = CompletableFuture.supplyAsync(() ->
                call("POST", instance + "/root", token, null, key(key)));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from tasks where resource_id ="
                + " ?::uuid and state <> 'COMPLETED'", id(instance)) == 1);
        jdbc.sql("update tasks set state = 'COMPLETED' where resource_id = ?::uuid").param(id(instance)).update();
        Response enabled = retry.join();
        Response replayed = call("POST", instance + "/root", token, null, key(key));

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        String password = enabled.json().path("user").path("password").asString();
        assertThat(replayed.json().path("user").path("password").asString()).isEqualTo(password);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select body from idempotency_keys where idempotency_key = ?").param(key)
                .query(String.class).single()).doesNotContain(password).startsWith("v1:");
    }

    @Test
    void aClaimLeftInProgressByAStoppedProcessIsTakenOverOnceAbandoned() {
        String token = tenantToken("idem-abandon");
        String key = UUID.randomUUID().toString();
        call("POST", "/v1.0/idem-abandon/configurations", token, group("g"), key(key));
        // as if the api process that claimed the key had stopped before it answered
        jdbc.sql("update idempotency_keys set state = 'PROCESSING', status = null, body = null, claimed_at = now()"
                + " where idempotency_key = ?").param(key).update();

        Response recent = call("POST", "/v1.0/idem-abandon/configurations", token, group("g"), key(key));
        jdbc.sql("update idempotency_keys set claimed_at = now() - interval '11 minutes' where idempotency_key = ?")
                .param(key).update();
        Response abandoned = call("POST", "/v1.0/idem-abandon/configurations", token, group("g"), key(key));
        Response retry = call("POST", "/v1.0/idem-abandon/configurations", token, group("g"), key(key));

        assertThat(recent.status()).isEqualTo(409);
        assertThat(abandoned.status()).as(abandoned.body()).isEqualTo(200);
        assertThat(abandoned.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(abandoned.body());
        assertThat(groups("idem-abandon", "g")).isEqualTo(2);
    }

    @Test
    void anExpiredKeyIsSweptAndThenNamesANewRequest() {
        String token = tenantToken("idem-expiry");
        String key = UUID.randomUUID().toString();
        Response first = call("POST", "/v1.0/idem-expiry/configurations", token, group("g"), key(key));
        assertThat(count("select count(*) from idempotency_keys where idempotency_key = ? and expires_at"
                + " between now() + interval '23 hours 59 minutes' and now() + interval '24 hours'", key))
                .as("kept for the default 24h").isEqualTo(1);

        expire(key);
        sweepExpiredKeys();
        assertThat(claims(key, null)).as("swept").isZero();
        Response afterSweep = call("POST", "/v1.0/idem-expiry/configurations", token, group("g"), key(key));

        assertThat(afterSweep.status()).isEqualTo(200);
        assertThat(afterSweep.header("Idempotent-Replayed")).isNull();
        assertThat(afterSweep.body()).isNotEqualTo(first.body());
        assertThat(groups("idem-expiry", "g")).isEqualTo(2);

        // expired, not swept yet: the key is free all the same, even for another request
        expire(key);
        Response another = call("POST", "/v1.0/idem-expiry/configurations", token, group("h"), key(key));
        assertThat(another.status()).as(another.body()).isEqualTo(200);
        assertThat(groups("idem-expiry", "h")).isEqualTo(1);
    }

    @Test
    void aKeyIsTheCallingTokensOwn() {
        String token = tenantToken("idem-scope");
        String sameTenant = call("POST", "/v1.0/mgmt/tenants/idem-scope/tokens", OPERATOR,
                "{\"token\": {\"name\": \"second\"}}").json().path("token").path("token").asString();
        String otherTenant = tenantToken("idem-scope-other");
        String key = UUID.randomUUID().toString();

        Response mine = call("POST", "/v1.0/idem-scope/configurations", token, group("g"), key(key));
        Response sameRequestOtherToken = call("POST", "/v1.0/idem-scope/configurations", sameTenant, group("g"),
                key(key));
        Response otherRequestOtherToken = call("POST", "/v1.0/idem-scope/configurations", sameTenant, group("h"),
                key(key));
        Response otherTenantsRequest = call("POST", "/v1.0/idem-scope-other/configurations", otherTenant,
                group("g"), key(key));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(sameRequestOtherToken.status()).isEqualTo(200);
        assertThat(sameRequestOtherToken.header("Idempotent-Replayed")).isNull();
        assertThat(sameRequestOtherToken.body()).isNotEqualTo(mine.body());
        assertThat(otherRequestOtherToken.status()).as("the other token's key names its own first request")
                .isEqualTo(422);
        assertThat(otherTenantsRequest.status()).isEqualTo(200);
        assertThat(otherTenantsRequest.header("Idempotent-Replayed")).isNull();
        assertThat(groups("idem-scope", "g")).isEqualTo(2);
        assertThat(groups("idem-scope-other", "g")).isEqualTo(1);
        assertThat(count("select count(*) from idempotency_keys where idempotency_key = ?", key)).isEqualTo(3);
        assertThat(count("select count(*) from idempotency_keys k join auth_tokens t on t.id = k.token_id"
                + " where k.idempotency_key = ? and k.tenant_id = t.tenant_id", key)).isEqualTo(3);
    }

    @Test
    void anotherApiProcessStartedLaterAnswersTheRetryFromTheStoredAnswer() {
        String token = tenantToken("idem-restart");
        String key = UUID.randomUUID().toString();
        Response first = call("POST", "/v1.0/idem-restart/configurations", token, group("g"), key(key));
        assertThat(first.status()).isEqualTo(200);

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ApiApplication.class)
                .run(sameServicesOnAnotherPort())) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(secondPort).isNotEqualTo(port);

            Response retry = send(secondPort, "POST", "/v1.0/idem-restart/configurations", token, group("g"),
                    "application/json", null, key(key));

            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(groups("idem-restart", "g")).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentOffersTheHeaderOnEveryChangeAndPublishesTheKeysLifetime() {
        JsonNode docs = call("GET", "/v3/api-docs", null, null).json();
        JsonNode create = docs.path("paths").path("/v1.0/{tenantId}/configurations").path("post");
        JsonNode list = docs.path("paths").path("/v1.0/{tenantId}/configurations").path("get");
        JsonNode header = docs.path("components").path("parameters").path("IdempotencyKey");

        assertThat(create.path("parameters").toString()).contains("#/components/parameters/IdempotencyKey");
        assertThat(list.path("parameters").toString()).doesNotContain("IdempotencyKey");
        assertThat(header.path("in").asString()).isEqualTo("header");
        assertThat(header.path("name").asString()).isEqualTo("Idempotency-Key");
        assertThat(header.path("description").asString()).contains("24h");
        assertThat(create.path("responses").path("409").path("description").asString())
                .contains("idempotency-key-in-use");
        assertThat(create.path("responses").path("422").path("description").asString())
                .contains("idempotency-key-reused");
        docs.path("paths").forEach(path -> path.properties().forEach(operation -> {
            boolean mutating = !operation.getKey().equals("get");
            assertThat(operation.getValue().path("parameters").toString().contains("IdempotencyKey"))
                    .as(operation.getKey() + " " + operation.getValue().path("operationId")).isEqualTo(mutating);
        }));
    }

    /** As command-line arguments, which application.properties cannot override. */
    private String[] sameServicesOnAnotherPort() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        for (String name : List.of("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.rabbitmq.addresses", "shoal.secrets.key",
                "shoal.api.bootstrap-token", "shoal.api.regions")) {
            arguments.add("--" + name + "=" + environment.getRequiredProperty(name));
        }
        return arguments.toArray(String[]::new);
    }

    /** Runs the scheduled sweep now, as each api process does every {@code prune-interval}. */
    private void sweepExpiredKeys() {
        Runnable sweep = scheduled.getScheduledTasks().stream().map(task -> task.getTask().getRunnable())
                .filter(runnable -> runnable.toString().contains("IdempotencyKeySweeper"))
                .findFirst().orElseThrow(() -> new AssertionError("no scheduled sweep of idempotency keys"));
        sweep.run();
    }

    private void expire(String key) {
        jdbc.sql("update idempotency_keys set expires_at = now() - interval '1 second' where idempotency_key = ?")
                .param(key).update();
    }

    private long claims(String key, String state) {
        return state == null ? count("select count(*) from idempotency_keys where idempotency_key = ?", key)
                : count("select count(*) from idempotency_keys where idempotency_key = ? and state = ?", key, state);
    }

    private long groups(String tenant, String name) {
        return count("select count(*) from configurations where tenant_id = ? and name = ?", tenant, name);
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static String group(String name) {
        return """
                {"configuration": {"name": "%s", "datastore": {"type": "mysql", "version": "10.11"},
                                   "values": {"max_connections": 100}}}""".formatted(name);
    }
}
