package dev.shoal.taskmanager.secgroup;

import dev.shoal.datastore.Datastores;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.secgroup.Enforcement;
import dev.shoal.domain.secgroup.SecurityGroup;
import dev.shoal.domain.secgroup.SecurityGroupRepository;
import dev.shoal.domain.secgroup.SecurityGroupRule;
import dev.shoal.domain.secgroup.SecurityGroupRuleRepository;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.FirewallReport;
import dev.shoal.taskmanager.compute.NodeFirewall;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a node's security group to its firewall through the compute driver, and records on the group what the
 * driver reported. The group is locked for the rest of the caller's transaction, so an application and a rule
 * change take turns and the firewall always ends with the rules last written, whichever task runs last.
 */
@Component
public class SecurityGroupEnforcer {

    private static final Logger log = LoggerFactory.getLogger(SecurityGroupEnforcer.class);

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final DatastoreVersionRepository versions;
    private final ComputeDriver compute;
    private final Clock clock;

    SecurityGroupEnforcer(SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
                          DatastoreVersionRepository versions, ComputeDriver compute, Clock clock) {
        this.groups = groups;
        this.rules = rules;
        this.versions = versions;
        this.compute = compute;
        this.clock = clock;
    }

    /** The node's group, locked until the transaction ends; a node made before groups existed has none. */
    public Optional<SecurityGroup> lock(Node node) {
        return groups.findByNodeId(node.getId()).flatMap(group -> groups.lock(group.getId()));
    }

    /**
     * @throws ComputeException when the driver could not apply the rules; the caller records the failure, as
     *                          this transaction is rolled back with it
     */
    public void enforce(Node node) throws ComputeException {
        Optional<PendingFirewall> pending = firewallOf(node);
        if (pending.isPresent()) {
            applied(pending.get(), compute.applyFirewall(pending.get().firewall()));
        }
    }

    /**
     * The firewall the node's group asks for, its group locked until the transaction ends, for the caller to have the
     * driver apply and then to record with {@link #applied}; empty for a node made before groups existed.
     */
    public Optional<PendingFirewall> firewallOf(Node node) {
        Optional<SecurityGroup> locked = lock(node);
        if (locked.isEmpty()) {
            log.warn("node {} has no security group; its firewall is left as it is", node.getId());
            return Optional.empty();
        }
        SecurityGroup group = locked.get();
        String manager = versions.findById(node.getDatastoreVersionId()).orElseThrow().getDatastore().getManager();
        return Optional.of(new PendingFirewall(group, new NodeFirewall(node.getId().toString(), node.getIp(),
                Datastores.descriptor(manager).clientPort(),
                rules.findAllByGroupIdOrderByCreatedAscIdAsc(group.getId()).stream()
                        .map(SecurityGroupRule::getCidr).toList())));
    }

    /** Records on the group what the driver reported applying its firewall. */
    public void applied(PendingFirewall pending, FirewallReport report) {
        pending.group().enforcement(report.enforced() ? Enforcement.ENFORCED : Enforcement.NOT_ENFORCED,
                report.description(), clock.instant());
        log.info("node {}: security group {} applied: {}", pending.firewall().nodeId(), pending.group().getId(),
                report.description());
    }

    /** In a transaction of its own, after the one that failed was rolled back. */
    public void failed(Node node, String reason) {
        lock(node).ifPresent(group -> group.enforcement(Enforcement.FAILED, reason, clock.instant()));
    }

    public record PendingFirewall(SecurityGroup group, NodeFirewall firewall) {
    }
}
