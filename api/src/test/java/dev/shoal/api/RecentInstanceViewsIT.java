package dev.shoal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A read of one settled instance answers with the view built within the last moment: a change behind the api's back
 * shows once the moment has passed, one made through this process at once, and one of an instance being built always.
 */
@TestPropertySource(properties = "shoal.api.read-cache-ttl=5s")
class RecentInstanceViewsIT extends ApiTestSupport {

    @Test
    void aChangeBehindTheApisBackShowsOnceTheMomentHasPassed() {
        String token = tenantToken("recentviews");
        String path = activeInstance("recentviews", token);
        assertThat(name(path, token)).isEqualTo("db");

        jdbc.sql("update instances set name = 'renamed' where id = ?").param(UUID.fromString(id(path))).update();

        assertThat(name(path, token)).as("read within the moment").isEqualTo("db");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> name(path, token).equals("renamed"));
    }

    @Test
    void aChangeMadeThroughThisProcessShowsAtOnce() {
        String token = tenantToken("ownchange");
        String path = activeInstance("ownchange", token);
        assertThat(name(path, token)).isEqualTo("db");

        Response renamed = call("PUT", path, token, "{\"instance\": {\"name\": \"shop\"}}");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(202);
        assertThat(name(path, token)).isEqualTo("shop");
    }

    @Test
    void anInstanceBeingBuiltShowsEveryChangeAtOnce() {
        String token = tenantToken("building");
        String path = "/v1.0/building/instances/" + call("POST", "/v1.0/building/instances", token, createBody("db"))
                .json().path("instance").path("id").asString();
        assertThat(name(path, token)).isEqualTo("db");

        jdbc.sql("update instances set name = 'renamed' where id = ?").param(UUID.fromString(id(path))).update();

        assertThat(name(path, token)).isEqualTo("renamed");
    }

    @Test
    void anOperatorsReadTrustsATenantSeenLiveAMomentAgoAndAChangeNever() {
        tenantToken("seenlive");
        assertThat(call("GET", "/v1.0/seenlive/instances", OPERATOR, null).status()).isEqualTo(200);

        jdbc.sql("update tenants set deleted_at = now() where id = 'seenlive'").update();

        assertThat(call("GET", "/v1.0/seenlive/instances", OPERATOR, null).status()).as("read within the moment")
                .isEqualTo(200);
        Response create = call("POST", "/v1.0/seenlive/instances", OPERATOR, createBody("db"));
        assertThat(create.status()).as(create.body()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> call("GET", "/v1.0/seenlive/instances", OPERATOR, null).status() == 404);
    }

    private String name(String path, String token) {
        Response shown = call("GET", path, token, null);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        return shown.json().path("instance").path("name").asString();
    }
}
