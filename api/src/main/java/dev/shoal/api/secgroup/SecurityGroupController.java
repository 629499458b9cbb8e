package dev.shoal.api.secgroup;

import dev.shoal.api.system.Links;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Trove's legacy {@code /security-groups} and {@code /security-group-rules}, as python-troveclient speaks them. */
@RestController
@RequestMapping("/v1.0/{tenantId}")
class SecurityGroupController {

    private final SecurityGroupService groups;

    SecurityGroupController(SecurityGroupService groups) {
        this.groups = groups;
    }

    @GetMapping("/security-groups")
    Map<String, Object> list(@PathVariable String tenantId, @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker) {
        SecurityGroupService.Page page = groups.list(tenantId, limit, marker);
        return Links.page("security_groups", page.groups(), page.nextMarker());
    }

    /** A group by its id, or by the id of the instance it protects. */
    @GetMapping("/security-groups/{id}")
    Map<String, SecurityGroupView> show(@PathVariable String tenantId, @PathVariable UUID id) {
        return Map.of("security_group", groups.show(tenantId, id));
    }

    /** A rule for the datastore's client port; the node's firewall follows shortly (the instance shows the task). */
    @PostMapping("/security-group-rules")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, SecurityGroupView.Created> addRule(@PathVariable String tenantId,
                                                   @RequestBody CreateRuleRequest request) {
        return Map.of("security_group_rule", groups.addRule(tenantId, request));
    }

    @DeleteMapping("/security-group-rules/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void deleteRule(@PathVariable String tenantId, @PathVariable UUID id) {
        groups.deleteRule(tenantId, id);
    }
}
