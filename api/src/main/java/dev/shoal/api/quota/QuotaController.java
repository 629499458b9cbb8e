package dev.shoal.api.quota;

import dev.shoal.api.security.Caller;
import dev.shoal.api.security.TenantPathGuard;
import dev.shoal.api.system.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trove's limits and quota resources. A tenant sees its own quota; only an operator sees another's or changes
 * one (403 otherwise, where Trove would answer 401).
 */
@RestController
class QuotaController {

    private final Quotas quotas;

    QuotaController(Quotas quotas) {
        this.quotas = quotas;
    }

    /** Trove's absolute limits come first; Shoal has no rate limits to list after them. */
    @GetMapping("/v1.0/{tenantId}/limits")
    Map<String, List<Map<String, Object>>> limits(@PathVariable String tenantId) {
        Map<String, Object> absolute = new LinkedHashMap<>();
        absolute.put("verb", "ABSOLUTE");
        quotas.usage(tenantId).forEach(usage -> absolute.put("max_" + usage.resource(), usage.limit()));
        return Map.of("limits", List.of(absolute));
    }

    @GetMapping("/v1.0/{tenantId}/mgmt/quotas/{projectId}")
    Map<String, List<Map<String, Object>>> show(@PathVariable String tenantId, @PathVariable String projectId) {
        Caller caller = TenantPathGuard.caller();
        if (!caller.isOperator() && !projectId.equals(caller.tenantId())) {
            throw ApiException.forbidden("a tenant sees only its own quota");
        }
        return Map.of("quotas", rows(quotas.usage(projectId)));
    }

    @PutMapping("/v1.0/{tenantId}/mgmt/quotas/{projectId}")
    Map<String, Map<String, Object>> update(@PathVariable String tenantId, @PathVariable String projectId,
                                            @RequestBody QuotaUpdateRequest body) {
        if (!TenantPathGuard.caller().isOperator()) {
            throw ApiException.forbidden("only an operator changes quotas");
        }
        QuotaUpdateRequest.Limits limits = body == null ? null : body.quotas();
        if (limits == null || limits.isEmpty()) {
            throw ApiException.invalid("quotas", "is required: limits by resource (instances, volumes, backups)");
        }
        Map<String, Object> updated = new LinkedHashMap<>();
        quotas.update(projectId, limit(limits.instances(), Quotas.INSTANCES), limit(limits.volumes(), Quotas.VOLUMES),
                limit(limits.backups(), Quotas.BACKUPS))
                .forEach(usage -> updated.put(usage.resource(), usage.limit()));
        return Map.of("quotas", updated);
    }

    private static Integer limit(Integer value, String resource) {
        if (value != null && value < -1) {
            throw ApiException.invalid("quotas." + resource, "must be a whole number, -1 for unlimited");
        }
        return value;
    }

    private static List<Map<String, Object>> rows(List<Quotas.Usage> usage) {
        return usage.stream().map(row -> Map.<String, Object>of("resource", row.resource(), "in_use", row.inUse(),
                "reserved", 0, "limit", row.limit())).toList();
    }
}
