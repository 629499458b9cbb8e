package dev.shoal.api.secgroup;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.instance.InstanceLookup;
import dev.shoal.api.instance.InstanceTasks;
import dev.shoal.api.system.ApiException;
import dev.shoal.datastore.Datastores;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.secgroup.SecurityGroup;
import dev.shoal.domain.secgroup.SecurityGroupRepository;
import dev.shoal.domain.secgroup.SecurityGroupRule;
import dev.shoal.domain.secgroup.SecurityGroupRuleRepository;
import dev.shoal.domain.task.TaskKind;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The security group of every node, from its creation: the rules its access asks for (the default CIDR unless
 * told otherwise) on the datastore's client port. Changes are written with the group locked and leave as an
 * {@code UPDATE_ACCESS} task, which applies the group's rules as they stand when it runs.
 */
@Component
public class SecurityGroups {

    /** Trove's capability for managing security groups, which {@code access} is the modern form of. */
    public static final String CAPABILITY = "secgroup-create";

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final InstanceLookup instances;
    private final InstanceTasks instanceTasks;
    private final SecurityGroupProperties properties;
    private final ApiProperties api;
    private final Clock clock;

    SecurityGroups(SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
                   InstanceLookup instances, InstanceTasks instanceTasks, SecurityGroupProperties properties,
                   ApiProperties api, Clock clock) {
        this.groups = groups;
        this.instanceTasks = instanceTasks;
        this.rules = rules;
        this.instances = instances;
        this.properties = properties;
        this.api = api;
        this.clock = clock;
    }

    /**
     * Gives a new node its group; the task that builds the node applies it before the datastore starts.
     *
     * @param instanceId the id Trove's clients know the node by: its instance's, or a cluster node's own
     * @param requested  the create request's access, or null (open to the default CIDR)
     */
    public void open(Node node, UUID instanceId, String manager, RequestedAccess requested) {
        RequestedAccess access = requested == null ? RequestedAccess.DEFAULT : requested;
        boolean isPublic = Boolean.TRUE.equals(access.isPublic());
        SecurityGroup group = groups.save(new SecurityGroup(node.getTenantId(), node.getId(), instanceId, isPublic,
                clock.instant()));
        int port = Datastores.descriptor(manager).clientPort();
        rules.saveAll(access.rules(isPublic, properties.defaultNetwork()).stream()
                .map(cidr -> new SecurityGroupRule(group.getId(), port, cidr.toString(), clock.instant())).toList());
    }

    /**
     * Trove's {@code PUT /instances/{id}} with {@code access}: {@code is_public} left out keeps what the instance
     * had; the rules become the allowed CIDRs, or, when none are given, what {@code is_public} implies.
     */
    public void changeAccess(String tenantId, UUID instanceId, RequestedAccess access) {
        Target target = target(tenantId, instanceId);
        SecurityGroup group = target.group();
        boolean isPublic = access.isPublic() != null ? access.isPublic() : group.isPublic();
        List<Cidr> wanted = access.rules(isPublic, properties.defaultNetwork());
        Set<String> wantedTexts = wanted.stream().map(Cidr::toString).collect(Collectors.toSet());
        List<SecurityGroupRule> held = rules.findAllByGroupIdOrderByCreatedAscIdAsc(group.getId());
        Set<String> heldTexts = held.stream().map(SecurityGroupRule::getCidr).collect(Collectors.toSet());
        rules.deleteAll(held.stream().filter(rule -> !wantedTexts.contains(rule.getCidr())).toList());
        rules.saveAll(wanted.stream().filter(cidr -> !heldTexts.contains(cidr.toString()))
                .map(cidr -> new SecurityGroupRule(group.getId(), target.port(), cidr.toString(), clock.instant()))
                .toList());
        group.publicAccess(isPublic, clock.instant());
        apply(target);
    }

    /**
     * The group of an instance whose rules are about to change, locked: the capability is checked on the node it
     * protects, so a cluster's node is refused by its name.
     */
    Target target(String tenantId, UUID instanceId) {
        Instance instance = instances.find(tenantId, instanceId, CAPABILITY);
        Node node = instances.node(instance);
        if (node.getTask() == NodeTask.DELETING) {
            throw ApiException.conflict("instance " + instanceId + " is being deleted; its access changes no more");
        }
        SecurityGroup group = groups.findByNodeId(node.getId()).flatMap(found -> groups.lock(found.getId()))
                .orElseThrow(() -> ApiException.notFound("security group of instance " + instanceId));
        return new Target(instance, node, group, Datastores.descriptor(instances.manager(instance)).clientPort());
    }

    /** The group was changed: what its node's firewall does follows once the task has run. */
    void apply(Target target) {
        target.group().changed(clock.instant());
        target.instance().touch(clock.instant());
        instanceTasks.schedule(target.group().getTenantId(), TaskKind.UPDATE_ACCESS, target.instance().getId(), null,
                api.buildTimeout());
    }

    record Target(Instance instance, Node node, SecurityGroup group, int port) {
    }
}
