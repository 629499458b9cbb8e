package dev.shoal.api.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class KeystoneTokensTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsAProjectScopedToken() {
        var token = KeystoneTokens.read(JSON.readTree("""
                {"token": {"expires_at": "2026-12-07T11:00:00.000000Z",
                           "user": {"id": "u1", "name": "alice", "domain": {"id": "default"}},
                           "project": {"id": "0123abcd", "name": "shop", "domain": {"id": "default"}},
                           "roles": [{"id": "r1", "name": "member"}, {"id": "r2", "name": "reader"}]}}"""));

        assertThat(token).contains(new KeystoneToken("u1", "alice", "0123abcd", "shop",
                java.util.List.of("member", "reader"), Instant.parse("2026-12-07T11:00:00Z")));
    }

    @Test
    void refusesATokenScopedToNoProject() {
        assertThat(KeystoneTokens.read(JSON.readTree("""
                {"token": {"expires_at": "2026-12-07T11:00:00Z", "user": {"id": "u1", "name": "alice"},
                           "domain": {"id": "default", "name": "Default"}, "roles": [{"name": "admin"}]}}""")))
                .isEmpty();
    }
}
