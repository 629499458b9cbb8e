package dev.shoal.api.backup;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Uuids;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.BackupRepository;
import dev.shoal.domain.catalog.Datastore;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * A tenant's backups a page at a time, newest first as Trove lists them, optionally of one instance (which may
 * be gone: its backups stay) or of one datastore. Keyset pages over (created, id), so a marker continues the same
 * order however backups come and go.
 */
@Component
class BackupLists {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "created", "id");

    private final BackupRepository backups;
    private final CatalogReferences catalog;
    private final DatastoreVersionRepository versions;
    private final BackupViews views;
    private final ApiProperties properties;

    BackupLists(BackupRepository backups, CatalogReferences catalog, DatastoreVersionRepository versions,
                BackupViews views, ApiProperties properties) {
        this.backups = backups;
        this.catalog = catalog;
        this.versions = versions;
        this.views = views;
        this.properties = properties;
    }

    /**
     * @param instanceId the instance whose backups are listed, or null for all
     * @param datastore  a datastore's name or id whose backups are listed, or null for all
     */
    Page page(String tenantId, Integer limit, String marker, UUID instanceId, String datastore) {
        int size = properties.pageSize(limit);
        Specification<Backup> filter = (root, query, where) -> where.and(
                where.equal(root.get("tenantId"), tenantId), where.isNull(root.get("deletedAt")));
        if (instanceId != null) {
            filter = filter.and((root, query, where) -> where.equal(root.get("instanceId"), instanceId));
        }
        if (datastore != null && !datastore.isBlank()) {
            List<UUID> ofDatastore = versionsOf(datastore.strip());
            filter = filter.and((root, query, where) -> root.get("datastoreVersionId").in(ofDatastore));
        }
        if (marker != null) {
            Backup after = marker(tenantId, marker);
            Instant created = after.getCreated();
            filter = filter.and((root, query, where) -> where.or(
                    where.lessThan(root.get("created"), created),
                    where.and(where.equal(root.get("created"), created),
                            where.lessThan(root.get("id"), after.getId()))));
        }
        List<Backup> found = backups.findBy(filter, rows -> rows.sortBy(NEWEST_FIRST).limit(size + 1).all());
        boolean more = found.size() > size;
        List<Backup> shown = more ? found.subList(0, size) : found;
        return new Page(shown.stream().map(views::view).toList(), more ? shown.get(size - 1).getId() : null);
    }

    private List<UUID> versionsOf(String datastore) {
        Datastore found = catalog.datastore(datastore).orElseThrow(() -> ApiException.unresolvable("datastore", "datastore " + datastore
                        + " does not exist"));
        return versions.findAllByDatastoreIdOrderByName(found.getId()).stream().map(DatastoreVersion::getId).toList();
    }

    private Backup marker(String tenantId, String marker) {
        UUID id = Uuids.parse(marker).orElseThrow(() -> ApiException.invalid("marker", "must be the id of a backup"));
        return backups.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId)
                .orElseThrow(() -> ApiException.invalid("marker", "no backup " + marker + " to continue after"));
    }

    record Page(List<BackupView> backups, UUID nextMarker) {
    }
}
