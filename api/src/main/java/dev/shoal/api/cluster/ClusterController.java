package dev.shoal.api.cluster;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.TaskOutcomes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1.0/{tenantId}/clusters")
class ClusterController {

    private final ClusterLookup clusters;
    private final ClusterCreation creation;
    private final ClusterChanges changes;
    private final ClusterRoot root;
    private final ClusterSettings settings;
    private final TaskOutcomes outcomes;

    ClusterController(ClusterLookup clusters, ClusterCreation creation, ClusterChanges changes, ClusterRoot root,
                      ClusterSettings settings, TaskOutcomes outcomes) {
        this.settings = settings;
        this.creation = creation;
        this.changes = changes;
        this.root = root;
        this.clusters = clusters;
        this.outcomes = outcomes;
    }

    @PostMapping
    Map<String, ClusterView> create(@PathVariable String tenantId, @RequestBody ClusterRequests.Create request) {
        return Map.of("cluster", creation.create(tenantId, request));
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String tenantId, @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker) {
        ClusterLookup.Page page = clusters.list(tenantId, limit, marker);
        return Links.page("clusters", page.clusters(), page.nextMarker());
    }

    @GetMapping("/{id}")
    Map<String, ClusterView> show(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("cluster", clusters.show(tenantId, id));
    }

    /** Settings that take effect at once ({@code auto_failover}); answers the cluster as it is now. */
    @PatchMapping("/{id}")
    Map<String, ClusterView> update(@PathVariable String tenantId, @PathVariable UUID id,
                                    @RequestBody ClusterRequests.Update body) {
        settings.change(tenantId, id, body == null ? null : body.cluster());
        return Map.of("cluster", clusters.show(tenantId, id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String tenantId, @PathVariable UUID id) {
        changes.delete(tenantId, id);
    }

    @GetMapping("/{id}/nodes/{nodeId}")
    Map<String, ClusterView.NodeView> showNode(@PathVariable String tenantId, @PathVariable UUID id,
                                               @PathVariable UUID nodeId) {
        return Map.of("node", clusters.showNode(tenantId, id, nodeId));
    }

    /** What the node's datastore last reported running for the parameters configuration groups manage. */
    @GetMapping("/{id}/nodes/{nodeId}/configuration")
    Map<String, Map<String, Object>> nodeConfiguration(@PathVariable String tenantId, @PathVariable UUID id,
                                                       @PathVariable UUID nodeId) {
        return Map.of("node", Map.of("configuration", clusters.runningConfiguration(tenantId, id, nodeId)));
    }

    @PostMapping("/{id}/nodes")
    ResponseEntity<Map<String, Object>> addNodes(@PathVariable String tenantId, @PathVariable UUID id,
                                                 @RequestBody ClusterRequests.AddNodes request) {
        return ResponseEntity.accepted().body(Map.of("nodes", changes.grow(tenantId, id, request)));
    }

    @DeleteMapping("/{id}/nodes/{nodeId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void removeNode(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable UUID nodeId) {
        changes.removeNode(tenantId, id, nodeId);
    }

    @PostMapping("/{id}/root")
    Map<String, Map<String, String>> enableRoot(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("user", Map.of("name", "root", "password",
                outcomes.rootPassword(root.enableRoot(tenantId, id), "cluster " + id)));
    }

    /**
     * Trove's cluster actions, as its clients send them: {@code {"grow": [instance, ...]}} adds nodes (Trove's
     * instance form), {@code {"shrink": [{"id": ...}]}} removes one, {@code {"restart": {}}} restarts every node, one
     * at a time, {@code {"reset-status": {}}} clears a failure. Trove's clients read the cluster back from the answer.
     */
    @PostMapping("/{id}")
    ResponseEntity<Map<String, Object>> troveAction(@PathVariable String tenantId, @PathVariable UUID id,
                                                    @RequestBody ClusterActionRequests.Trove body) {
        if (body == null || body.named() != 1) {
            throw ApiException.invalid("action", "the body names exactly one action: grow (a list of instances),"
                    + " shrink (one instance id), restart or reset-status");
        }
        if (body.grow() != null) {
            List<ClusterRequests.Allocation> allocations = body.grow().stream()
                    .map(instance -> new ClusterRequests.Allocation(instance == null ? null : instance.regionName(),
                            instance == null ? null : instance.type())).toList();
            changes.grow(tenantId, id, new ClusterRequests.AddNodes(new ClusterRequests.AddBody(allocations.size(),
                    allocations)));
        } else if (body.shrink() != null) {
            if (body.shrink().size() != 1 || body.shrink().get(0) == null) {
                throw ApiException.invalid("shrink", "names exactly one instance: [{\"id\": ...}]");
            }
            changes.removeNode(tenantId, id, nodeId(body.shrink().get(0).id(), "shrink[0].id"));
        } else if (body.resetStatus() != null) {
            changes.resetStatus(tenantId, id);
        } else {
            changes.restart(tenantId, id);
        }
        return ResponseEntity.accepted().body(Map.of("cluster", clusters.show(tenantId, id)));
    }

    /** A node's own actions: {@code restart} restarts its server alone. */
    @PostMapping("/{id}/nodes/{nodeId}/action")
    ResponseEntity<Void> nodeAction(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable UUID nodeId,
                                    @RequestBody ClusterActionRequests.NodeAction body) {
        if (body == null || body.restart() == null) {
            throw ApiException.invalid("restart", "the body names the action, one of [restart]");
        }
        changes.restartNode(tenantId, id, nodeId);
        return ResponseEntity.accepted().build();
    }

    /** Trove's action resource; {@code replace_node} is the cluster action the seed defines. */
    @PostMapping("/{id}/action")
    ResponseEntity<Map<String, Object>> action(@PathVariable String tenantId, @PathVariable UUID id,
                                               @RequestBody ClusterActionRequests.Seed body) {
        if (body == null || body.named() != 1) {
            throw ApiException.invalid("action", "the body names exactly one action, one of [replace_node, restart]");
        }
        if (body.restart() != null) {
            changes.restart(tenantId, id);
            return ResponseEntity.accepted().build();
        }
        return ResponseEntity.accepted().body(Map.of("node", changes.replaceNode(tenantId, id,
                nodeId(body.replaceNode().id(), "replace_node.id"))));
    }

    private static UUID nodeId(String nodeId, String field) {
        if (nodeId == null) {
            throw ApiException.invalid(field, "is required: the id of a node");
        }
        try {
            return UUID.fromString(nodeId);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be the id of a node");
        }
    }
}
