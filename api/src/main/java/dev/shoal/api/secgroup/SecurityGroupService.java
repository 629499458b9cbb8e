package dev.shoal.api.secgroup;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.Uuids;
import dev.shoal.api.system.Links;
import dev.shoal.domain.secgroup.SecurityGroup;
import dev.shoal.domain.secgroup.SecurityGroupRule;
import dev.shoal.domain.secgroup.SecurityGroupRuleRepository;
import dev.shoal.domain.secgroup.SecurityGroupRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trove's legacy security group API over the groups every node has: list and show, and a rule added or removed
 * by its CIDR on the datastore's client port. A tenant sees only its own groups; another's are not found.
 */
@Service
class SecurityGroupService {

    static final int MAX_RULES = RequestedAccess.MAX_CIDRS;

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final SecurityGroups securityGroups;
    private final Links links;
    private final ApiProperties properties;
    private final Clock clock;

    SecurityGroupService(SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
                         SecurityGroups securityGroups, Links links, ApiProperties properties, Clock clock) {
        this.groups = groups;
        this.rules = rules;
        this.securityGroups = securityGroups;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page list(String tenantId, Integer limit, String marker) {
        int size = properties.pageSize(limit);
        SecurityGroup after = marker == null ? null : markerGroup(tenantId, marker);
        List<SecurityGroup> found = groups.findPage(tenantId, after == null ? null : after.getCreated(),
                after == null ? null : after.getId(), Limit.of(size + 1));
        boolean more = found.size() > size;
        List<SecurityGroup> shown = more ? found.subList(0, size) : found;
        Map<UUID, List<SecurityGroupRule>> rulesOf = rules.findAllByGroupIdIn(shown.stream()
                .map(SecurityGroup::getId).toList()).stream().collect(Collectors.groupingBy(
                        SecurityGroupRule::getGroupId));
        return new Page(shown.stream().map(group -> view(group, sorted(rulesOf.getOrDefault(group.getId(),
                List.of())))).toList(), more ? shown.get(size - 1).getId() : null);
    }

    /** By the group's id or, as Trove's show takes it, by the id of the instance it protects. */
    @Transactional(readOnly = true)
    SecurityGroupView show(String tenantId, UUID id) {
        SecurityGroup group = groups.findLive(id, tenantId).or(() -> groups.findLiveByInstanceId(id, tenantId))
                .orElseThrow(() -> ApiException.notFound("security group " + id));
        return view(group, rules.findAllByGroupIdOrderByCreatedAscIdAsc(group.getId()));
    }

    @Transactional
    SecurityGroupView.Created addRule(String tenantId, CreateRuleRequest request) {
        CreateRuleRequest.Body body = request == null ? null : request.rule();
        if (body == null) {
            throw ApiException.invalid("security_group_rule", "is required: {\"group_id\", \"cidr\"}");
        }
        if (body.groupId() == null || body.groupId().isBlank()) {
            throw ApiException.invalid("security_group_rule.group_id", "is required");
        }
        Cidr.Parsed cidr = Cidr.parse(body.cidr());
        if (cidr.problem() != null) {
            throw ApiException.invalid("security_group_rule.cidr", cidr.problem());
        }
        SecurityGroups.Target target = target(tenantId, groupId(body.groupId()));
        String text = cidr.cidr().toString();
        rules.findByGroupIdAndCidr(target.group().getId(), text).ifPresent(existing -> {
            throw ApiException.conflict("security group " + target.group().getId() + " already allows " + text
                    + " (rule " + existing.getId() + ")");
        });
        if (rules.countByGroupId(target.group().getId()) >= MAX_RULES) {
            throw ApiException.conflict("security group " + target.group().getId() + " holds " + MAX_RULES
                    + " rules, the most it may; remove one first");
        }
        SecurityGroupRule rule = rules.save(new SecurityGroupRule(target.group().getId(), target.port(), text,
                clock.instant()));
        securityGroups.apply(target);
        return SecurityGroupView.Created.of(rule);
    }

    @Transactional
    void deleteRule(String tenantId, UUID ruleId) {
        SecurityGroupRule rule = rules.findById(ruleId)
                .filter(found -> groups.findLive(found.getGroupId(), tenantId).isPresent())
                .orElseThrow(() -> ApiException.notFound("security group rule " + ruleId));
        SecurityGroups.Target target = target(tenantId, rule.getGroupId());
        rules.delete(rule);
        securityGroups.apply(target);
    }

    private SecurityGroups.Target target(String tenantId, UUID groupId) {
        SecurityGroup group = groups.findLive(groupId, tenantId)
                .orElseThrow(() -> ApiException.notFound("security group " + groupId));
        return securityGroups.target(tenantId, group.getInstanceId());
    }

    private SecurityGroupView view(SecurityGroup group, List<SecurityGroupRule> groupRules) {
        return SecurityGroupView.of(group, groupRules, links.of(group.getTenantId(), "security-groups/"
                + group.getId()));
    }

    private SecurityGroup markerGroup(String tenantId, String marker) {
        return Uuids.parse(marker).flatMap(id -> groups.findLive(id, tenantId))
                .orElseThrow(() -> ApiException.invalid("marker", "no security group " + marker
                        + " to continue after"));
    }

    /** A malformed id names nothing that exists. */
    private static UUID groupId(String text) {
        return Uuids.parse(text.strip()).orElseThrow(() -> ApiException.notFound("security group " + text));
    }

    private static List<SecurityGroupRule> sorted(List<SecurityGroupRule> groupRules) {
        return groupRules.stream().sorted(SecurityGroupRule.ORDER).toList();
    }

    record Page(List<SecurityGroupView> groups, UUID nextMarker) {
    }
}
