package dev.shoal.api.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.tenant.AuthToken;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1.0/mgmt/tenants")
class TenantController {

    private final TenantAdministration administration;

    TenantController(TenantAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, TenantView> create(@RequestBody CreateTenant request) {
        if (request.tenant() == null) {
            throw ApiException.invalid("tenant", "is required");
        }
        var tenant = administration.create(request.tenant().id(), request.tenant().name());
        return Map.of("tenant", new TenantView(tenant.getId(), tenant.getName(), tenant.getCreated()));
    }

    @GetMapping
    Map<String, List<TenantView>> list() {
        return Map.of("tenants", administration.list().stream()
                .map(t -> new TenantView(t.getId(), t.getName(), t.getCreated())).toList());
    }

    @PostMapping("/{tenantId}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, TokenView> issue(@PathVariable String tenantId, @RequestBody(required = false) CreateToken request) {
        String name = request == null || request.token() == null ? null : request.token().name();
        var issued = administration.issue(tenantId, name);
        return Map.of("token", TokenView.of(issued.token(), issued.secret()));
    }

    @GetMapping("/{tenantId}/tokens")
    Map<String, List<TokenView>> tokens(@PathVariable String tenantId) {
        return Map.of("tokens", administration.tokens(tenantId).stream().map(t -> TokenView.of(t, null)).toList());
    }

    @DeleteMapping("/{tenantId}/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String tenantId, @PathVariable UUID tokenId) {
        administration.revoke(tenantId, tokenId);
    }

    record CreateTenant(Body tenant) {
        @Schema(name = "CreateTenantBody")
        record Body(String id, String name) {
        }
    }

    record CreateToken(Body token) {
        @Schema(name = "CreateTokenBody")
        record Body(String name) {
        }
    }

    record TenantView(String id, String name, Instant created) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenView(UUID id, String name, @JsonProperty("tenant_id") String tenantId, Instant created,
                     Boolean revoked, String token) {
        static TokenView of(AuthToken token, String secret) {
            return new TokenView(token.getId(), token.getName(), token.getTenantId(), token.getCreated(),
                    !token.isActive(), secret);
        }
    }
}
