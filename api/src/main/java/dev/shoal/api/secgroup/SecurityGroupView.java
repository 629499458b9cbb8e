package dev.shoal.api.secgroup;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.TroveTime;
import dev.shoal.domain.secgroup.Enforcement;
import dev.shoal.domain.secgroup.SecurityGroup;
import dev.shoal.domain.secgroup.SecurityGroupRule;
import java.util.List;
import java.util.UUID;

/** Trove's security group, with what the compute driver made of its rules. */
record SecurityGroupView(UUID id, String name, String description, @JsonProperty("instance_id") UUID instanceId,
                         String created, String updated, List<Rule> rules, List<Links.Link> links,
                         EnforcementView enforcement) {

    static SecurityGroupView of(SecurityGroup group, List<SecurityGroupRule> rules, List<Links.Link> links) {
        return new SecurityGroupView(group.getId(), group.getName(), group.getDescription(), group.getInstanceId(),
                TroveTime.format(group.getCreated()), TroveTime.format(group.getUpdated()),
                rules.stream().map(Rule::of).toList(), links, EnforcementView.of(group));
    }

    record Rule(UUID id, String protocol, @JsonProperty("from_port") int fromPort,
                @JsonProperty("to_port") int toPort, String cidr) {

        static Rule of(SecurityGroupRule rule) {
            return new Rule(rule.getId(), rule.getProtocol(), rule.getFromPort(), rule.getToPort(), rule.getCidr());
        }
    }

    record EnforcementView(String state, String message) {

        static EnforcementView of(SecurityGroup group) {
            String message = group.getEnforcementMessage() != null ? group.getEnforcementMessage()
                    : group.getEnforcement() == Enforcement.PENDING ? "the rules are about to be applied" : null;
            return new EnforcementView(group.getEnforcement().name(), message);
        }
    }

    /** Trove's answer to a rule created: the rule with its group. */
    record Created(UUID id, @JsonProperty("group_id") UUID groupId,
                   @JsonProperty("security_group_id") UUID securityGroupId, String protocol,
                   @JsonProperty("from_port") int fromPort, @JsonProperty("to_port") int toPort, String cidr,
                   String created) {

        static Created of(SecurityGroupRule rule) {
            return new Created(rule.getId(), rule.getGroupId(), rule.getGroupId(), rule.getProtocol(),
                    rule.getFromPort(), rule.getToPort(), rule.getCidr(), TroveTime.format(rule.getCreated()));
        }
    }
}
