package dev.shoal.api.backup;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.instance.InstanceLookup;
import dev.shoal.api.quota.Quotas;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.domain.backup.Backup;
import dev.shoal.domain.backup.BackupRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trove's backups of MySQL instances. A backup is asked of a running instance with nothing else under way; the
 * instance shows {@code BACKUP} until its guest wrote the dump, and the backup outlives the instance until deleted.
 */
@Service
class BackupService {

    static final String RESOURCE_TYPE = "backup";

    private final InstanceLookup instances;
    private final BackupRepository backups;
    private final BackupLists lists;
    private final BackupViews views;
    private final TaskRepository tasks;
    private final TaskScheduler scheduler;
    private final Quotas quotas;
    private final ApiProperties properties;
    private final Clock clock;

    BackupService(InstanceLookup instances, BackupRepository backups, BackupLists lists, BackupViews views,
                  TaskRepository tasks, TaskScheduler scheduler, Quotas quotas, ApiProperties properties,
                  Clock clock) {
        this.instances = instances;
        this.backups = backups;
        this.lists = lists;
        this.views = views;
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.quotas = quotas;
        this.properties = properties;
        this.clock = clock;
    }

    /** The instance's state is read after the tenant's row is locked, so two requests cannot both start one. */
    @Transactional
    BackupView create(String tenantId, CreateBackupRequest request) {
        CreateBackupRequest.Body body = BackupRules.validate(request);
        Instance instance = instances.find(tenantId, BackupRules.instanceId(body.instance()), "backup-create");
        quotas.reserveBackup(tenantId);
        String status = instances.status(instance);
        if (!"ACTIVE".equals(status)) {
            throw ApiException.conflict("instance " + instance.getId() + " is " + status
                    + "; it is backed up once it is ACTIVE");
        }
        if (tasks.existsOpenTaskOn(instance.getId())) {
            throw ApiException.conflict("instance " + instance.getId() + " has a change under way; it is backed up"
                    + " once that is done");
        }
        Backup backup = backups.save(new Backup(tenantId, body.name().strip(), body.description(), instance.getId(),
                instance.getDatastoreVersionId(), clock.instant()));
        Node node = instances.node(instance);
        node.startTask(NodeTask.BACKING_UP, "Writing backup " + backup.getId(), clock.instant());
        instance.touch(clock.instant());
        scheduler.schedule(tenantId, TaskKind.CREATE_BACKUP, RESOURCE_TYPE, backup.getId(), null,
                properties.backupTimeout());
        return views.view(backup);
    }

    @Transactional(readOnly = true)
    BackupLists.Page list(String tenantId, Integer limit, String marker, String instanceId, String datastore) {
        return lists.page(tenantId, limit, marker, instanceId == null ? null
                : BackupRules.uuid(instanceId, "instance_id", "the id of an instance"), datastore);
    }

    /** Trove's {@code /instances/{id}/backups}: the backups of an instance that is still there. */
    @Transactional(readOnly = true)
    BackupLists.Page listOfInstance(String tenantId, UUID instanceId, Integer limit, String marker) {
        Instance instance = instances.find(tenantId, instanceId, "backup-list-instance");
        return lists.page(tenantId, limit, marker, instance.getId(), null);
    }

    @Transactional(readOnly = true)
    BackupView show(String tenantId, UUID id) {
        return views.view(find(tenantId, id));
    }

    /**
     * Deleting a backup that is being deleted changes nothing and answers the same; one still being written, or
     * that an instance is being restored from, is kept until that is done.
     */
    @Transactional
    void delete(String tenantId, UUID id) {
        Backup backup = find(tenantId, id);
        if (backup.getState().isRunning()) {
            throw ApiException.conflict("backup " + id + " is " + backup.getState()
                    + "; it is deleted once it is COMPLETED or FAILED");
        }
        if (tasks.isUnderway(id, TaskKind.DELETE_BACKUP)) {
            return;
        }
        if (tasks.existsOpenTaskOn(id)) {
            throw ApiException.conflict("an instance is being restored from backup " + id
                    + "; it is deleted once that instance is built");
        }
        scheduler.schedule(tenantId, TaskKind.DELETE_BACKUP, RESOURCE_TYPE, id, null, properties.deleteTimeout());
    }

    private Backup find(String tenantId, UUID id) {
        return backups.findByIdAndTenantIdAndDeletedAtIsNull(id, tenantId)
                .orElseThrow(() -> ApiException.notFound("backup " + id));
    }
}
