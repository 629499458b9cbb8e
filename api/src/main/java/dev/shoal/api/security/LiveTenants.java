package dev.shoal.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shoal.api.instance.ReadCacheProperties;
import dev.shoal.domain.tenant.TenantRepository;
import org.springframework.stereotype.Component;

/**
 * Whether a tenant exists and is not deleted, as an operator's request in its path asks. A read trusts an answer found
 * within {@code shoal.api.read-cache-ttl}, as instance views do: operators' dashboards poll, and a tenant is deleted
 * rarely. A change always asks the database, so nothing is made in a tenant deleted a moment ago.
 */
@Component
class LiveTenants {

    private static final long MAX_REMEMBERED = 10_000;

    private final TenantRepository tenants;
    private final Cache<String, Boolean> seenLive;

    LiveTenants(TenantRepository tenants, ReadCacheProperties readCache) {
        this.tenants = tenants;
        this.seenLive = readCache.enabled() ? Caffeine.newBuilder().expireAfterWrite(readCache.readCacheTtl())
                .maximumSize(MAX_REMEMBERED).build() : null;
    }

    boolean isLive(String tenantId, boolean forRead) {
        if (forRead && seenLive != null && seenLive.getIfPresent(tenantId) != null) {
            return true;
        }
        boolean live = tenants.findById(tenantId).filter(tenant -> !tenant.isDeleted()).isPresent();
        if (live && seenLive != null) {
            seenLive.put(tenantId, Boolean.TRUE);
        }
        return live;
    }
}
