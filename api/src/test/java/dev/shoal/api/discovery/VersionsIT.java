package dev.shoal.api.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.ApiTestSupport;
import org.junit.jupiter.api.Test;

class VersionsIT extends ApiTestSupport {

    @Test
    void theVersionDocumentsAnswerWithoutAToken() {
        Response versions = call("GET", "/", null, null);
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().path("versions").get(0).path("links").get(0).path("href").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/v1.0/");

        for (String path : new String[] {"/v1.0/", "/v1.0"}) {
            Response version = call("GET", path, null, null);
            assertThat(version.status()).isEqualTo(200);
            assertThat(version.json().path("version").path("status").asString()).isEqualTo("CURRENT");
        }
    }

    @Test
    void withoutKeystoneA401NamesNoIdentityService() {
        Response refused = call("GET", "/v1.0/anyone/instances", null, null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isNull();
    }
}
