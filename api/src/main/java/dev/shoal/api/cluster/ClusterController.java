package dev.shoal.api.cluster;

import dev.shoal.api.system.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1.0/{tenantId}/clusters")
class ClusterController {

    private final ClusterService clusters;

    ClusterController(ClusterService clusters) {
        this.clusters = clusters;
    }

    @PostMapping
    Map<String, ClusterView> create(@PathVariable String tenantId, @RequestBody ClusterRequests.Create request) {
        return Map.of("cluster", clusters.create(tenantId, request));
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String tenantId, @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker) {
        ClusterService.Page page = clusters.list(tenantId, limit, marker);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clusters", page.clusters());
        if (page.nextMarker() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("marker", page.nextMarker()).toUriString();
            body.put("links", List.of(Map.of("rel", "next", "href", next)));
        }
        return body;
    }

    @GetMapping("/{id}")
    Map<String, ClusterView> show(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("cluster", clusters.show(tenantId, id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String tenantId, @PathVariable UUID id) {
        clusters.delete(tenantId, id);
    }

    @GetMapping("/{id}/nodes/{nodeId}")
    Map<String, ClusterView.NodeView> showNode(@PathVariable String tenantId, @PathVariable UUID id,
                                               @PathVariable UUID nodeId) {
        return Map.of("node", clusters.showNode(tenantId, id, nodeId));
    }

    @PostMapping("/{id}/nodes")
    ResponseEntity<Map<String, Object>> addNodes(@PathVariable String tenantId, @PathVariable UUID id,
                                                 @RequestBody ClusterRequests.AddNodes request) {
        return ResponseEntity.accepted().body(Map.of("nodes", clusters.grow(tenantId, id, request)));
    }

    @DeleteMapping("/{id}/nodes/{nodeId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void removeNode(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable UUID nodeId) {
        clusters.removeNode(tenantId, id, nodeId);
    }

    @PostMapping("/{id}/root")
    Map<String, Map<String, String>> enableRoot(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("user", Map.of("name", "root", "password", clusters.enableRoot(tenantId, id)));
    }

    /** Trove's action resource; {@code replace_node} is the cluster action the seed defines. */
    @PostMapping("/{id}/action")
    ResponseEntity<Map<String, Object>> action(@PathVariable String tenantId, @PathVariable UUID id,
                                               @RequestBody Map<String, JsonNode> body) {
        if (body == null || body.size() != 1 || !body.containsKey("replace_node")) {
            throw ApiException.invalid("action", "the body names exactly one action, one of [replace_node]");
        }
        JsonNode nodeId = body.get("replace_node").get("id");
        if (nodeId == null || !nodeId.isString()) {
            throw ApiException.invalid("replace_node.id", "is required: the id of the node to replace");
        }
        UUID node;
        try {
            node = UUID.fromString(nodeId.asString());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("replace_node.id", "must be the id of a node");
        }
        return ResponseEntity.accepted().body(Map.of("node", clusters.replaceNode(tenantId, id, node)));
    }
}
