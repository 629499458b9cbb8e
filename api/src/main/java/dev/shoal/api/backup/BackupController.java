package dev.shoal.api.backup;

import dev.shoal.api.system.Links;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Trove's {@code /backups} and {@code /instances/{id}/backups}. */
@RestController
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping("/v1.0/{tenantId}/backups")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, BackupView> create(@PathVariable String tenantId, @RequestBody CreateBackupRequest request) {
        return Map.of("backup", backups.create(tenantId, request));
    }

    /** python-troveclient filters by {@code instance_id} and by {@code datastore} (its name or id). */
    @GetMapping("/v1.0/{tenantId}/backups")
    Map<String, Object> list(@PathVariable String tenantId, @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker,
                             @RequestParam(name = "instance_id", required = false) String instanceId,
                             @RequestParam(required = false) String datastore) {
        return body(backups.list(tenantId, limit, marker, instanceId, datastore));
    }

    @GetMapping("/v1.0/{tenantId}/backups/{id}")
    Map<String, BackupView> show(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("backup", backups.show(tenantId, id));
    }

    @DeleteMapping("/v1.0/{tenantId}/backups/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String tenantId, @PathVariable UUID id) {
        backups.delete(tenantId, id);
    }

    @GetMapping("/v1.0/{tenantId}/instances/{id}/backups")
    Map<String, Object> ofInstance(@PathVariable String tenantId, @PathVariable UUID id,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String marker) {
        return body(backups.listOfInstance(tenantId, id, limit, marker));
    }

    /** Trove's list body: the page, and a {@code next} link carrying the marker when more follow. */
    private static Map<String, Object> body(BackupLists.Page page) {
        return Links.page("backups", page.backups(), page.nextMarker());
    }
}
