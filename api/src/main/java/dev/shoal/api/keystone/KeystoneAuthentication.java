package dev.shoal.api.keystone;

import dev.shoal.api.security.Caller;
import dev.shoal.api.security.ExternalTokens;
import dev.shoal.api.security.TokenSecrets;
import dev.shoal.domain.tenant.TokenRole;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token Shoal does not know as its own, validated at Keystone with Shoal's service token. Keystone's answer is
 * remembered by the token's hash (see {@link ValidatedTokens}); a refusal is not, so a revoked token is asked about
 * each time and counts as an authentication failure like any unknown one.
 */
class KeystoneAuthentication implements ExternalTokens {

    private static final Logger log = LoggerFactory.getLogger(KeystoneAuthentication.class);

    private final KeystoneClient keystone;
    private final ServiceTokens serviceTokens;
    private final ValidatedTokens validated;
    private final RoleMapping roles;
    private final ProjectTenants tenants;
    private final String challenge;

    KeystoneAuthentication(KeystoneClient keystone, ServiceTokens serviceTokens, ValidatedTokens validated,
                           RoleMapping roles, ProjectTenants tenants, String keystoneUrl) {
        this.keystone = keystone;
        this.serviceTokens = serviceTokens;
        this.validated = validated;
        this.roles = roles;
        this.tenants = tenants;
        this.challenge = "Keystone uri=\"" + keystoneUrl + "\"";
    }

    @Override
    public Optional<Caller> caller(String token) {
        String hash = TokenSecrets.hash(token);
        Optional<KeystoneToken> known = validated.find(hash);
        if (known.isEmpty()) {
            known = ask(token).filter(answer -> tenants.ensure(answer.projectId(), answer.projectName()));
            known.ifPresent(answer -> validated.remember(hash, answer));
        }
        return known.flatMap(this::caller);
    }

    @Override
    public Optional<Caller> remembered(String token) {
        return validated.find(TokenSecrets.hash(token)).flatMap(this::caller);
    }

    @Override
    public Optional<String> challenge() {
        return Optional.of(challenge);
    }

    private Optional<KeystoneToken> ask(String token) {
        String service = serviceTokens.current();
        try {
            return keystone.validate(service, token);
        } catch (KeystoneClient.ServiceTokenRejected e) {
            log.info("Keystone refused Shoal's service token; asking again with a new one");
            return keystone.validate(serviceTokens.renewAfterRefusal(service), token);
        }
    }

    private Optional<Caller> caller(KeystoneToken token) {
        return roles.strongest(token.roles()).map(role -> new Caller(callerId(token),
                role == ShoalRole.OPERATOR ? TokenRole.OPERATOR : TokenRole.TENANT, token.projectId(),
                "keystone:" + token.userName(), role == ShoalRole.READER));
    }

    /**
     * One id per user and project, stable across the user's tokens: what Shoal keys per caller (idempotency keys)
     * outlives a Keystone token.
     */
    private static UUID callerId(KeystoneToken token) {
        return UUID.nameUUIDFromBytes(("keystone:" + token.userId() + "/" + token.projectId())
                .getBytes(StandardCharsets.UTF_8));
    }
}
