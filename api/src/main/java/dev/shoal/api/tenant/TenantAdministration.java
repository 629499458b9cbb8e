package dev.shoal.api.tenant;

import dev.shoal.api.security.TokenRevoked;
import dev.shoal.api.security.TokenSecrets;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ColumnSizes;
import dev.shoal.domain.tenant.AuthToken;
import dev.shoal.domain.tenant.AuthTokenRepository;
import dev.shoal.domain.tenant.Tenant;
import dev.shoal.domain.tenant.TenantRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators create tenants and issue and revoke their tokens. */
@Service
class TenantAdministration {

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final TenantRepository tenants;
    private final AuthTokenRepository tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenantAdministration(TenantRepository tenants, AuthTokenRepository tokens, ApplicationEventPublisher events,
                         Clock clock) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Tenant create(String id, String name) {
        if (id == null || !TENANT_ID.matcher(id).matches()) {
            throw ApiException.invalid("tenant.id", "must be 1-64 lowercase letters, digits or '-', starting with a"
                    + " letter or digit");
        }
        if (name == null || name.isBlank() || name.length() > ColumnSizes.NAME) {
            throw ApiException.invalid("tenant.name", "must be 1-" + ColumnSizes.NAME + " characters");
        }
        if (tenants.existsById(id)) {
            throw ApiException.conflict("tenant " + id + " exists already");
        }
        return tenants.save(new Tenant(id, name.strip(), clock.instant()));
    }

    @Transactional(readOnly = true)
    List<Tenant> list() {
        return tenants.findAllByDeletedAtIsNullOrderById();
    }

    /** @return the token and its secret, which is shown this once and kept only as a hash */
    @Transactional
    IssuedToken issue(String tenantId, String name) {
        requireTenant(tenantId);
        if (name == null || name.isBlank()) {
            throw ApiException.invalid("token.name", "is required: it says who or what holds the token");
        }
        if (name.length() > ColumnSizes.NAME) {
            throw ApiException.invalid("token.name", "must be at most " + ColumnSizes.NAME + " characters");
        }
        String secret = TokenSecrets.generate();
        AuthToken token = tokens.save(AuthToken.forTenant(tenantId, name, TokenSecrets.hash(secret),
                clock.instant()));
        return new IssuedToken(token, secret);
    }

    @Transactional(readOnly = true)
    List<AuthToken> tokens(String tenantId) {
        requireTenant(tenantId);
        return tokens.findAllByTenantIdOrderByCreated(tenantId);
    }

    @Transactional
    void revoke(String tenantId, UUID tokenId) {
        AuthToken token = tokens.findById(tokenId).filter(t -> tenantId.equals(t.getTenantId()))
                .orElseThrow(() -> ApiException.notFound("token " + tokenId));
        token.revoke(clock.instant());
        events.publishEvent(new TokenRevoked(token.getId()));
    }

    private void requireTenant(String tenantId) {
        tenants.findById(tenantId).filter(t -> !t.isDeleted())
                .orElseThrow(() -> ApiException.notFound("tenant " + tenantId));
    }

    record IssuedToken(AuthToken token, String secret) {
    }
}
