package dev.shoal.api.quota;

import dev.shoal.api.system.ApiException;
import dev.shoal.domain.backup.BackupRepository;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeUsage;
import dev.shoal.domain.tenant.Tenant;
import dev.shoal.domain.tenant.TenantRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotas counted from what a tenant holds, never from reservations that could outlive a failed request: the
 * tenant's row is locked while a create counts, so two requests cannot both take the last place.
 */
@Service
public class Quotas {

    static final String INSTANCES = "instances";
    static final String VOLUMES = "volumes";
    static final String BACKUPS = "backups";

    private final TenantRepository tenants;
    private final NodeRepository nodes;
    private final BackupRepository backups;
    private final QuotaProperties defaults;

    Quotas(TenantRepository tenants, NodeRepository nodes, BackupRepository backups, QuotaProperties defaults) {
        this.tenants = tenants;
        this.nodes = nodes;
        this.backups = backups;
        this.defaults = defaults;
    }

    /** Refuses (413, Trove's overLimit) new nodes that would take the tenant past a limit; call before saving them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(String tenantId, int newNodes, long newVolumeGb) {
        Tenant tenant = tenants.lockById(tenantId).orElseThrow(() -> ApiException.notFound("tenant " + tenantId));
        NodeUsage usage = nodes.usageOf(tenantId);
        List<String> exceeded = new ArrayList<>();
        Limits limits = limitsOf(tenant);
        if (newNodes > 0 && limits.instances() >= 0 && usage.nodes() + newNodes > limits.instances()) {
            exceeded.add(INSTANCES + " (" + usage.nodes() + " of " + limits.instances() + " in use, " + newNodes
                    + " more asked)");
        }
        if (newVolumeGb > 0 && limits.volumes() >= 0 && usage.volumeGb() + newVolumeGb > limits.volumes()) {
            exceeded.add(VOLUMES + " (" + usage.volumeGb() + " of " + limits.volumes() + " GB in use, " + newVolumeGb
                    + " GB more asked)");
        }
        if (!exceeded.isEmpty()) {
            throw ApiException.overLimit("quota exceeded for " + String.join(", ", exceeded));
        }
    }

    /**
     * Refuses (413, Trove's overLimit) a backup that would take the tenant past its backups limit; call before
     * saving it. The tenant's row stays locked until the caller commits, so its backups are asked one at a time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserveBackup(String tenantId) {
        Tenant tenant = tenants.lockById(tenantId).orElseThrow(() -> ApiException.notFound("tenant " + tenantId));
        long held = backups.countByTenantIdAndDeletedAtIsNull(tenantId);
        int limit = limitsOf(tenant).backups();
        if (limit >= 0 && held + 1 > limit) {
            throw ApiException.overLimit("quota exceeded for " + BACKUPS + " (" + held + " of " + limit
                    + " in use, 1 more asked)");
        }
    }

    @Transactional(readOnly = true)
    public List<Usage> usage(String tenantId) {
        Tenant tenant = tenants.findById(tenantId).filter(t -> !t.isDeleted())
                .orElseThrow(() -> ApiException.notFound("tenant " + tenantId));
        NodeUsage usage = nodes.usageOf(tenantId);
        Limits limits = limitsOf(tenant);
        return List.of(new Usage(INSTANCES, usage.nodes(), limits.instances()),
                new Usage(VOLUMES, usage.volumeGb(), limits.volumes()),
                new Usage(BACKUPS, backups.countByTenantIdAndDeletedAtIsNull(tenantId), limits.backups()));
    }

    @Transactional
    public List<Usage> update(String tenantId, Integer instances, Integer volumes, Integer backupCount) {
        Tenant tenant = tenants.lockById(tenantId).filter(t -> !t.isDeleted())
                .orElseThrow(() -> ApiException.notFound("tenant " + tenantId));
        tenant.limit(instances, volumes, backupCount);
        return usage(tenantId);
    }

    Limits limitsOf(Tenant tenant) {
        return new Limits(tenant.getMaxInstances().orElse(defaults.instances()),
                tenant.getMaxVolumes().orElse(defaults.volumes()), tenant.getMaxBackups().orElse(defaults.backups()));
    }

    record Limits(int instances, int volumes, int backups) {
    }

    /** One resource as Trove's quota show lists it; nothing is ever held in reserve. */
    public record Usage(String resource, long inUse, int limit) {
    }
}
