package dev.shoal.api.instance;

import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Uuids;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.BackupRepository;
import dev.shoal.domain.backup.BackupState;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Trove's {@code restorePoint} of an instance create: one of the tenant's COMPLETED backups, which the new
 * instance is built from. It runs the backup's datastore version; a request naming another is refused.
 */
@Component
class RestorePoints {

    static final String FIELD = "instance.restorePoint.backupRef";
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final BackupRepository backups;
    private final DatastoreVersionRepository versions;
    private final CatalogReferences catalog;
    private final TaskRepository tasks;

    RestorePoints(BackupRepository backups, DatastoreVersionRepository versions, CatalogReferences catalog,
                  TaskRepository tasks) {
        this.backups = backups;
        this.versions = versions;
        this.catalog = catalog;
        this.tasks = tasks;
    }

    /** The backup the request names, by its id or its link. */
    Backup backup(String tenantId, CreateInstanceRequest.RestorePoint point) {
        String ref = point.backupRef().strip();
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        Backup backup = Uuids.parse(id).flatMap(uuid -> backups.findByIdAndTenantIdAndDeletedAtIsNull(uuid,
                tenantId)).orElseThrow(() -> ApiException.unresolvable(FIELD, "backup " + id + " does not exist"));
        if (backup.getState() != BackupState.COMPLETED) {
            throw ApiException.unresolvable(FIELD, "backup " + id + " is " + backup.getState()
                    + "; instances are restored from a COMPLETED backup");
        }
        if (tasks.isUnderway(backup.getId(), TaskKind.DELETE_BACKUP)) {
            throw ApiException.unresolvable(FIELD, "backup " + id + " is being deleted");
        }
        return backup;
    }

    /** The backup's datastore version; a request may name its datastore, and its version, but no other. */
    DatastoreVersion version(Backup backup, CreateInstanceRequest.Datastore requested) {
        DatastoreVersion own = versions.findById(backup.getDatastoreVersionId()).orElseThrow();
        String shown = own.getDatastore().getName() + " " + own.getName();
        if (requested != null && requested.type() != null && !requested.type().isBlank()) {
            DatastoreVersion asked = catalog.version(requested.type(), requested.version(), "instance.datastore");
            boolean versionNamed = requested.version() != null && !requested.version().isBlank();
            if (!asked.getDatastore().getId().equals(own.getDatastore().getId())
                    || versionNamed && !asked.getId().equals(own.getId())) {
                throw ApiException.inconsistent(FIELD + ": backup " + backup.getId() + " is of " + shown
                        + ", not of " + asked.getDatastore().getName() + (versionNamed ? " " + asked.getName() : ""),
                        List.of(new FieldProblem(FIELD, "is a backup of " + shown)));
            }
        }
        if (!own.isActive()) {
            throw ApiException.unresolvable(FIELD, "backup " + backup.getId() + " is of " + shown
                    + ", which is not active");
        }
        return own;
    }

    /** Trove's check: a backup larger than the volume cannot fit in it (its data is larger still). */
    void requireFits(Backup backup, int volumeGb) {
        long size = backup.getSizeBytes().orElse(0L);
        if (size > volumeGb * (long) GIB) {
            throw ApiException.inconsistent("instance.volume.size: backup " + backup.getId() + " holds "
                    + Math.ceil(size / GIB) + " GB, more than a volume of " + volumeGb + " GB",
                    List.of(new FieldProblem("instance.volume.size", "is smaller than backup " + backup.getId())));
        }
    }

}
