package dev.shoal.api.instance;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Links;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trove's management instance routes, for operators only (the security chain refuses anyone else): every tenant's
 * instances whatever tenant the path names, as Trove's admin context does, and the management actions
 * {@code reset-task-status}, {@code reboot} (the datastore restarted) and {@code stop} (the datastore stopped until a
 * reboot).
 */
@RestController
@RequestMapping("/v1.0/{tenantId}/mgmt/instances")
class ManagementInstanceController {

    private static final Set<String> ACTIONS = Set.of("reset-task-status", "reboot", "stop", "migrate");

    private final ManagedInstances instances;
    private final StatusReset reset;
    private final InstanceChanges changes;

    ManagementInstanceController(ManagedInstances instances, StatusReset reset, InstanceChanges changes) {
        this.instances = instances;
        this.reset = reset;
        this.changes = changes;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker) {
        ManagedInstances.Page page = instances.list(limit, marker);
        return Links.page("instances", page.instances(), page.nextMarker());
    }

    @GetMapping("/{id}")
    Map<String, ManagedInstanceView> show(@PathVariable UUID id) {
        return Map.of("instance", instances.show(id));
    }

    @PostMapping("/{id}/action")
    ResponseEntity<Void> action(@PathVariable UUID id, @RequestBody(required = false) Map<String, Object> body) {
        if (body == null || body.size() != 1) {
            throw ApiException.invalid("action", "the body names exactly one action, one of " + ACTIONS);
        }
        String action = body.keySet().iterator().next();
        String owner = instances.tenantOf(id);
        switch (action) {
            case "reset-task-status" -> reset.reset(owner, id);
            case "reboot" -> changes.restart(owner, id);
            case "stop" -> changes.stop(owner, id);
            // Trove moves the Nova server to another host; a node here is placed once
            case "migrate" -> throw ApiException.invalid("action", "migrate is not offered by Shoal;"
                    + " offered: reset-task-status, reboot, stop");
            default -> throw ApiException.invalid("action", "unknown action " + action + "; one of " + ACTIONS);
        }
        return ResponseEntity.accepted().build();
    }
}
