package dev.shoal.api.keystone;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads Keystone's {@code {"token": {...}}} validation body. */
final class KeystoneTokens {

    private KeystoneTokens() {
    }

    static Optional<KeystoneToken> read(JsonNode body) {
        JsonNode token = body.path("token");
        JsonNode project = token.path("project");
        String projectId = project.path("id").asString("");
        if (projectId.isEmpty()) {
            // unscoped, domain- or system-scoped: Shoal's tenants are projects, so such a token acts in none
            return Optional.empty();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(token.path("expires_at").asString(""));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        List<String> roles = token.path("roles").valueStream().map(role -> role.path("name").asString(""))
                .filter(name -> !name.isEmpty()).toList();
        return Optional.of(new KeystoneToken(token.path("user").path("id").asString(""),
                token.path("user").path("name").asString(""), projectId, project.path("name").asString(projectId),
                roles, expiresAt));
    }
}
