package dev.shoal.api.secgroup;

import dev.shoal.domain.secgroup.SecurityGroup;
import dev.shoal.domain.secgroup.SecurityGroupRule;
import dev.shoal.domain.secgroup.SecurityGroupRuleRepository;
import dev.shoal.domain.secgroup.SecurityGroupRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The {@code access} instances show, read for a page of nodes in two queries. */
@Component
public class AccessViews {

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;

    AccessViews(SecurityGroupRepository groups, SecurityGroupRuleRepository rules) {
        this.groups = groups;
        this.rules = rules;
    }

    /** Nodes without a group (none since groups came) are left out. */
    public Map<UUID, AccessView> ofNodes(Collection<UUID> nodeIds) {
        if (nodeIds.isEmpty()) {
            return Map.of();
        }
        List<SecurityGroup> found = groups.findAllByNodeIdIn(nodeIds);
        Map<UUID, List<SecurityGroupRule>> rulesOf = rules.findAllByGroupIdIn(found.stream()
                .map(SecurityGroup::getId).toList()).stream()
                .sorted(SecurityGroupRule.ORDER)
                .collect(Collectors.groupingBy(SecurityGroupRule::getGroupId));
        return found.stream().collect(Collectors.toMap(SecurityGroup::getNodeId,
                group -> view(group, rulesOf.getOrDefault(group.getId(), List.of())), (a, b) -> a));
    }

    /** Null for a node without a group. */
    public AccessView ofNode(UUID nodeId) {
        List<Object[]> rows = groups.findWithRulesByNodeId(nodeId);
        if (rows.isEmpty()) {
            return null;
        }
        SecurityGroup group = (SecurityGroup) rows.get(0)[0];
        return view(group, rows.stream().filter(row -> row[0] == group).map(row -> (SecurityGroupRule) row[1])
                .filter(Objects::nonNull).sorted(SecurityGroupRule.ORDER).toList());
    }

    private static AccessView view(SecurityGroup group, List<SecurityGroupRule> rules) {
        return new AccessView(group.isPublic(), rules.stream().map(SecurityGroupRule::getCidr).toList(),
                group.getEnforcement().name());
    }
}
