package dev.shoal.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.api.ApiTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With the default token cache, a token revoked through the API, revoked by another api process or deleted from the
 * database is refused within one second, though it was served from the cache just before.
 */
class TokenRevocationIT extends ApiTestSupport {

    private static final Duration WITHIN_A_SECOND = Duration.ofMillis(1500);

    @Test
    void aRevokedTokenIsRefusedWithinOneSecond() {
        Issued token = issue("revoked");
        assertThat(instances(token)).isEqualTo(200);

        assertThat(call("DELETE", "/v1.0/mgmt/tenants/revoked/tokens/" + token.id(), OPERATOR, null).status())
                .isEqualTo(204);

        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50)).until(() -> instances(token) == 401);
        assertThat(instances(token)).as("and stays refused").isEqualTo(401);
    }

    @Test
    void aTokenRevokedByAnotherProcessIsRefusedWithinOneSecond() {
        Issued token = issue("revokedelsewhere");
        assertThat(instances(token)).isEqualTo(200);

        jdbc.sql("update auth_tokens set revoked_at = now() where id = ?").param(token.id()).update();

        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50)).until(() -> instances(token) == 401);
        assertThat(instances(token)).as("and stays refused").isEqualTo(401);
    }

    @Test
    void aTokenDeletedFromTheDatabaseIsRefusedWithinOneSecond() {
        Issued token = issue("tokengone");
        assertThat(instances(token)).isEqualTo(200);

        jdbc.sql("delete from auth_tokens where id = ?").param(token.id()).update();

        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50)).until(() -> instances(token) == 401);
        assertThat(instances(token)).as("and stays refused").isEqualTo(401);
    }

    private Issued issue(String tenant) {
        assertThat(call("POST", "/v1.0/mgmt/tenants", OPERATOR,
                "{\"tenant\": {\"id\": \"" + tenant + "\", \"name\": \"" + tenant + "\"}}").status()).isEqualTo(201);
        var issued = call("POST", "/v1.0/mgmt/tenants/" + tenant + "/tokens", OPERATOR,
                "{\"token\": {\"name\": \"t\"}}").json().path("token");
        return new Issued(tenant, UUID.fromString(issued.path("id").asString()), issued.path("token").asString());
    }

    private int instances(Issued token) {
        return call("GET", "/v1.0/" + token.tenant() + "/instances", token.secret(), null).status();
    }

    private record Issued(String tenant, UUID id, String secret) {
    }
}
