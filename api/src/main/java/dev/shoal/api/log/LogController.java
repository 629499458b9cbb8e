package dev.shoal.api.log;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trove's datastore logs of an instance ({@code openstack database log list|show|set}): the server's own log and the
 * user logs a tenant switches on, published part by part into the object store, where
 * {@code openstack database log tail|save} read them ({@link ObjectStoreController}).
 */
@RestController
@RequestMapping("/v1.0/{tenantId}/instances/{id}/log")
class LogController {

    private final InstanceLogs logs;

    LogController(InstanceLogs logs) {
        this.logs = logs;
    }

    @GetMapping
    Map<String, List<LogView>> list(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("logs", logs.list(tenantId, id));
    }

    @PostMapping
    Map<String, LogView> act(@PathVariable String tenantId, @PathVariable UUID id,
                             @RequestBody LogActionRequest request) {
        return Map.of("log", logs.act(tenantId, id, request.validated()));
    }
}
