package dev.shoal.api.keystone;

import dev.shoal.api.system.Dependency;
import dev.shoal.api.system.DependencyUnavailable;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keystone's v3 token API: Shoal's own token by password, and what Keystone says of another token. Keystone out of
 * reach, or answering 5xx, is a 503 for the client: the token may well be good.
 */
class KeystoneClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final KeystoneProperties properties;

    KeystoneClient(KeystoneProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                // HTTP/1.1 without an upgrade attempt: uwsgi and some proxies in front of Keystone drop an h2c upgrade
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                        .build());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.v3()).requestFactory(requests).build();
        this.properties = properties;
    }

    ServiceToken issueServiceToken() {
        Map<String, Object> body = Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
                        "name", properties.username(), "domain", Map.of("name", properties.userDomain()),
                        "password", properties.password() == null ? "" : properties.password().value()))),
                "scope", Map.of("project", Map.of("name", properties.project(),
                        "domain", Map.of("name", properties.projectDomain())))));
        // a body of known length: uwsgi's HTTP socket, which Keystone often runs behind, reads no chunked body
        String json = JSON.writeValueAsString(body);
        return reach(() -> http.post().uri("/auth/tokens").contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw unavailable("Keystone refused Shoal's service user (" + response.getStatusCode().value()
                                + "): check shoal.api.keystone.username, password and project");
                    }
                    JsonNode token = response.bodyTo(JsonNode.class);
                    return new ServiceToken(response.getHeaders().getFirst("X-Subject-Token"),
                            Instant.parse(token.path("token").path("expires_at").asString()));
                }));
    }

    /**
     * @return what Keystone says of {@code subject}; empty when it does not know it, it has expired or was revoked
     *         (404), or it is scoped to no project
     * @throws ServiceTokenRejected when Keystone no longer takes Shoal's own token
     */
    Optional<KeystoneToken> validate(String serviceToken, String subject) {
        return reach(() -> http.get().uri("/auth/tokens").header("X-Auth-Token", serviceToken)
                .header("X-Subject-Token", subject).exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.value() == HttpStatus.NOT_FOUND.value()) {
                        return Optional.<KeystoneToken>empty();
                    }
                    if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
                        throw new ServiceTokenRejected();
                    }
                    if (status.isError()) {
                        throw unavailable("Keystone answered " + status.value() + " validating a token");
                    }
                    return KeystoneTokens.read(response.bodyTo(JsonNode.class));
                }));
    }

    /**
     * Asks twice before giving up: a server that closed a kept-alive connection while it sat in the pool (uwsgi,
     * Apache past its keep-alive timeout) resets the next request sent on it, which a new connection then serves.
     * Both requests are safe to repeat (a validation, or one more service token).
     */
    private static <T> T reach(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException first) {
            try {
                return call.get();
            } catch (ResourceAccessException e) {
                throw new DependencyUnavailable(Dependency.IDENTITY, "Keystone cannot be reached: " + e.getMessage());
            }
        }
    }

    private static DependencyUnavailable unavailable(String message) {
        return new DependencyUnavailable(Dependency.IDENTITY, message);
    }

    record ServiceToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "ServiceToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** Keystone refuses Shoal's own token (revoked, or its user changed): get a new one and ask again. */
    static class ServiceTokenRejected extends RuntimeException {
        ServiceTokenRejected() {
            super("Keystone refused Shoal's service token", null, false, false);
        }
    }
}
