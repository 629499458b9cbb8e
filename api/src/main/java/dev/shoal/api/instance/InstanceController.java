package dev.shoal.api.instance;

import dev.shoal.api.security.TenantPathGuard;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.TaskOutcomes;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1.0/{tenantId}/instances")
class InstanceController {

    private final InstanceLookup instances;
    private final InstanceCreation creation;
    private final InstanceChanges changes;
    private final InstanceList list;
    private final RootAccess root;
    private final InstanceActions actions;
    private final InstanceUpdate update;
    private final InstancePatch patch;
    private final TaskOutcomes outcomes;
    private final RecentInstanceViews recent;

    InstanceController(InstanceLookup instances, InstanceCreation creation, InstanceChanges changes,
                       InstanceList list, RootAccess root, InstanceActions actions,
                       InstanceUpdate update, InstancePatch patch, TaskOutcomes outcomes,
                       RecentInstanceViews recent) {
        this.recent = recent;
        this.outcomes = outcomes;
        this.patch = patch;
        this.instances = instances;
        this.creation = creation;
        this.changes = changes;
        this.list = list;
        this.root = root;
        this.actions = actions;
        this.update = update;
    }

    @PostMapping
    Map<String, InstanceView> create(@PathVariable String tenantId, @RequestBody CreateInstanceRequest request) {
        return Map.of("instance", creation.create(tenantId, request));
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String tenantId, @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker,
                             @RequestParam(name = "include_clustered", defaultValue = "false")
                             boolean includeClustered) {
        InstanceList.Page page = list.list(tenantId, limit, marker, includeClustered);
        return Links.page("instances", page.instances(), page.nextMarker());
    }

    @GetMapping("/{id}")
    Map<String, InstanceView> show(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("instance", recent.of(tenantId, id, () -> instances.show(tenantId, id)));
    }

    /** Trove's instance update: a new name, a configuration group attached (an id) or detached (null), a detach. */
    @PutMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void update(@PathVariable String tenantId, @PathVariable UUID id,
                @RequestBody UpdateInstanceRequest body) {
        update.apply(tenantId, id, body == null ? null : body.instance());
    }

    /**
     * The same changes as {@code PUT}, plus {@code auto_failover}; answers the instance as it is now, since the setting
     * takes effect at once.
     */
    @PatchMapping("/{id}")
    Map<String, InstanceView> patch(@PathVariable String tenantId, @PathVariable UUID id,
                                    @RequestBody UpdateInstanceRequest body) {
        patch.apply(tenantId, id, body == null ? null : body.instance());
        return Map.of("instance", instances.show(tenantId, id));
    }

    /** The values the datastore last reported running for the parameters configuration groups manage. */
    @GetMapping("/{id}/configuration")
    Map<String, Map<String, Object>> configuration(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("instance", Map.of("configuration", instances.runningConfiguration(tenantId, id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String tenantId, @PathVariable UUID id,
                @RequestParam(name = "detach_replicas", defaultValue = "false") boolean detachReplicas) {
        changes.delete(tenantId, id, detachReplicas);
    }

    /** Trove's action resource: one action per request, named by the body's only key. */
    @PostMapping("/{id}/action")
    org.springframework.http.ResponseEntity<Object> action(@PathVariable String tenantId, @PathVariable UUID id,
                                                           @RequestBody InstanceActionRequest body) {
        Object result = actions.run(tenantId, id, body);
        return org.springframework.http.ResponseEntity.accepted().body(result);
    }

    @PostMapping("/{id}/root")
    Map<String, Map<String, String>> enableRoot(@PathVariable String tenantId, @PathVariable UUID id) {
        String password = outcomes.rootPassword(root.enable(tenantId, id, TenantPathGuard.caller().name()),
                "instance " + id);
        return Map.of("user", Map.of("name", "root", "password", password));
    }

    @GetMapping("/{id}/root")
    Map<String, Boolean> rootStatus(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("rootEnabled", root.isEnabled(tenantId, id));
    }
}
