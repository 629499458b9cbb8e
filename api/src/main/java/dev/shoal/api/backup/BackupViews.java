package dev.shoal.api.backup;

import dev.shoal.api.system.TroveTime;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.BackupState;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import org.springframework.stereotype.Component;

/** What users see of a backup, built from its row and its datastore version. */
@Component
class BackupViews {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final DatastoreVersionRepository versions;

    BackupViews(DatastoreVersionRepository versions) {
        this.versions = versions;
    }

    BackupView view(Backup backup) {
        DatastoreVersion version = versions.findById(backup.getDatastoreVersionId()).orElseThrow();
        boolean failed = backup.getState() == BackupState.FAILED || backup.getState() == BackupState.DELETE_FAILED;
        return new BackupView(
                backup.getId(),
                backup.getName(),
                backup.getDescription(),
                backup.getLocation().orElse(null),
                backup.getInstanceId(),
                TroveTime.format(backup.getCreated()),
                TroveTime.format(backup.getUpdated()),
                backup.getSizeBytes().map(bytes -> bytes / GIB).orElse(null),
                backup.getState().name(),
                null,
                new BackupView.Datastore(version.getDatastore().getName(), version.getName(), version.getId()),
                backup.getTenantId(),
                backup.getChecksum().orElse(null),
                failed ? new BackupView.Fault(backup.getFailReason().orElse(null),
                        TroveTime.format(backup.getUpdated())) : null);
    }
}
