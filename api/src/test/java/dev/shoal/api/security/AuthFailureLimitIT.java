package dev.shoal.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.ApiTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Unknown tokens from one address, past its allowance of 5 a minute, answer 429; every api process sees it. */
@TestPropertySource(properties = {"shoal.api.auth-failures.capacity=5", "shoal.api.auth-failures.period=1m"})
class AuthFailureLimitIT extends ApiTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String UNKNOWN = "shoal_not-a-token-of-this-service-0123456789";

    @Autowired
    DataSource dataSource;

    /** Buckets outlive a context; this suite and the others sharing its database start from full allowances. */
    @BeforeEach
    @AfterEach
    void forgetFailures() {
        jdbc.sql("delete from auth_failure_buckets").update();
    }

    @Test
    void unknownTokensPastTheAllowanceAnswer429WithRetryAfterAndAProblemBody() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get(UNKNOWN).statusCode()).as("failure %d of 5", i + 1).isEqualTo(401);
        }

        HttpResponse<String> refused = get(UNKNOWN);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).as("one failure comes back every 12 s").isBetween(1L, 12L));
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("code").asString()).isEqualTo("too-many-authentication-failures");
        assertThat(problem.path("overLimit").path("code").asInt()).as("Trove's fault envelope").isEqualTo(429);
        assertThat(get(OPERATOR).statusCode()).as("a valid token is still served").isEqualTo(200);
    }

    @Test
    void theAllowanceIsSharedByEveryApiProcess() {
        AuthFailureLimitProperties limit = new AuthFailureLimitProperties(5, Duration.ofMinutes(1));
        AuthFailureLimiter thisProcess = new AuthFailureLimiter(dataSource, limit);
        AuthFailureLimiter anotherProcess = new AuthFailureLimiter(dataSource, limit);

        for (int i = 0; i < 3; i++) {
            assertThat(thisProcess.recordFailure("192.0.2.7")).isEmpty();
        }
        assertThat(anotherProcess.remaining("192.0.2.7")).isEqualTo(2);
        assertThat(anotherProcess.recordFailure("192.0.2.7")).isEmpty();
        assertThat(anotherProcess.recordFailure("192.0.2.7")).isEmpty();

        assertThat(thisProcess.recordFailure("192.0.2.7")).as("the sixth failure, whichever process sees it")
                .hasValueSatisfying(wait -> assertThat(wait).isPositive());
        assertThat(thisProcess.remaining("192.0.2.8")).as("another address").isEqualTo(5);
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1.0/mgmt/tenants"))
                .header("X-Auth-Token", token).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
