package dev.shoal.taskmanager.node;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.RestorePoint;
import dev.shoal.contracts.guest.StopDb;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.broker.BrokerAccountException;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import dev.shoal.taskmanager.broker.GuestBrokerAccounts;
import dev.shoal.taskmanager.compute.AddressAllocator;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.FirewallReport;
import dev.shoal.taskmanager.compute.NodePlacement;
import dev.shoal.taskmanager.compute.NodeSpec;
import dev.shoal.taskmanager.compute.ServerStatus;
import dev.shoal.taskmanager.guest.GuestCallException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.secgroup.SecurityGroupEnforcer;
import dev.shoal.taskmanager.task.RemoteCalls;
import dev.shoal.taskmanager.task.SideBySide;
import dev.shoal.taskmanager.task.StepFailure;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps every node goes through, whatever it belongs to: an address and a secret, a guest agent, prepare,
 * running; and at the end a clean stop and removal. Each is safe to run again after a crash.
 */
@Component
public class NodeBuilder {

    private static final Logger log = LoggerFactory.getLogger(NodeBuilder.class);

    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final AddressAllocator addresses;
    private final ComputeDriver compute;
    private final GuestClient guests;
    private final RemoteCalls remote;
    private final GuestBrokerAccounts brokerAccounts;
    private final TaskManagerProperties properties;
    private final SecurityGroupEnforcer securityGroups;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final PrepareDelivery prepareDelivery = new PrepareDelivery();
    private final NodeStatusWaits statusWaits;
    private final NodeSpecs specs;

    NodeBuilder(NodeRepository nodes, ServiceStatusRepository statuses, NodeSpecs specs, AddressAllocator addresses,
                ComputeDriver compute, GuestClient guests, GuestBrokerAccounts brokerAccounts, RemoteCalls remote,
                TaskManagerProperties properties, SecurityGroupEnforcer securityGroups, NodeStatusWaits statusWaits,
                Clock clock) {
        this.statusWaits = statusWaits;
        this.specs = specs;
        this.securityGroups = securityGroups;
        this.nodes = nodes;
        this.statuses = statuses;
        this.addresses = addresses;
        this.compute = compute;
        this.guests = guests;
        this.brokerAccounts = brokerAccounts;
        this.remote = remote;
        this.properties = properties;
        this.clock = clock;
    }

    public void allocate(Node node) {
        if (node.getIp() != null) {
            return;
        }
        nodes.lockAddressAllocation();
        String address = addresses.allocate(nodes.findLiveAddresses());
        node.placed(node.getId().toString(), address, "localhost", NodeSecret.generate(), clock.instant());
        nodes.saveAndFlush(node);
    }

    /**
     * The node's security group is applied before its server starts, so its datastore never listens unprotected.
     *
     * @return false while the compute driver is still bringing the server up
     */
    public boolean spawn(Node node) throws StepFailure {
        Optional<SecurityGroupEnforcer.PendingFirewall> firewall = securityGroups.firewallOf(node);
        GuestBrokerAccount account = GuestBrokerAccount.forNode(node.getId().toString(),
                node.secret().orElseThrow());
        NodeSpec spec = specs.spec(node);
        Spawned spawned;
        try {
            // one remote call in one round of the step, doing in order what the node's start needs: its guest logs
            // in with its account, and its datastore listens only once the firewall admits just its group's sources
            spawned = remote.call(node.getId(), "spawn" + firewall.map(f -> "." + Integer.toHexString(
                    f.firewall().hashCode())).orElse(""), () -> {
                        guests.declareQueue(spec.nodeId());
                        brokerAccounts.ensure(account);
                        FirewallReport report = firewall.isEmpty() ? null : applyFirewall(firewall.get());
                        return new Spawned(report, compute.provision(spec));
                    });
        } catch (BrokerAccountException e) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_SERVER, "node " + node.getName()
                    + ": its broker account could not be made: " + e.getMessage());
        } catch (FirewallNotApplied e) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_SEC_GROUP, "node " + node.getName()
                    + ": its security group could not be applied: " + e.getMessage());
        } catch (ComputeException e) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_SERVER, e.getMessage());
        }
        firewall.ifPresent(pending -> securityGroups.applied(pending, spawned.firewall()));
        NodePlacement placement = spawned.placement();
        if (placement != null && !placement.address().equals(node.getIp())) {
            // a driver that names its nodes (a Kubernetes Service) gives the address every peer is told
            node.placed(placement.computeInstanceId(), placement.address(), placement.hostname(),
                    node.secret().orElseThrow(), clock.instant());
        }
        node.serverStatus(ServerStatus.ACTIVE.name(), clock.instant());
        return placement != null;
    }

    private FirewallReport applyFirewall(SecurityGroupEnforcer.PendingFirewall pending) throws FirewallNotApplied {
        try {
            return compute.applyFirewall(pending.firewall());
        } catch (ComputeException e) {
            throw new FirewallNotApplied(e);
        }
    }

    private record Spawned(FirewallReport firewall, NodePlacement placement) {
    }

    /** The firewall's failure, told apart from the server's, which the step reports as another error. */
    private static final class FirewallNotApplied extends ComputeException {

        FirewallNotApplied(ComputeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Every node's server is asked for before the step waits for any. */
    public boolean spawnAll(List<Node> nodes) throws StepFailure {
        boolean[] all = {true};
        SideBySide.forEach(nodes, node -> all[0] &= spawn(node));
        return all[0];
    }

    public void prepare(Node node, String correlationId, ClusterMember cluster) {
        prepare(node, correlationId, cluster, null);
    }

    /**
     * The root password is sealed for this node only and kept nowhere: users get theirs from enable root.
     *
     * @param restorePoint the backup the node loads before it reports running, or null
     */
    public void prepare(Node node, String correlationId, ClusterMember cluster, RestorePoint restorePoint) {
        byte[] password = new byte[24];
        random.nextBytes(password);
        String sealed = SecretBox.seal(node.secret().orElseThrow(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(password));
        guests.cast(node, MessageTypes.PREPARE, specs.prepare(node, sealed, cluster, restorePoint), correlationId);
    }

    /**
     * Whether the guest shows it never got its prepare (see {@link PrepareDelivery}): a step waiting on the node then
     * sends it again under the same message id, so a build never waits for a lost cast until its deadline.
     *
     * @param since a time no earlier than the prepare was cast
     */
    public boolean awaitsPrepare(Node node, Instant since) {
        Optional<ServiceStatusRecord> record = statuses.findById(node.getId());
        boolean lost = prepareDelivery.lost(node.getId(), record.map(ServiceStatusRecord::getStatus).orElse(null),
                record.map(ServiceStatusRecord::getSentAt).orElse(null), since);
        if (lost) {
            log.warn("node {}: its guest still says NEW after its prepare was sent; sending it again", node.getId());
        }
        return lost;
    }

    /**
     * @return true once the guest reports the datastore running
     * @throws StepFailure when the guest reports prepare failed or its process is gone
     */
    public boolean isRunning(Node node) throws StepFailure {
        statusWaits.await(node.getId());
        Optional<ServiceStatus> status = statuses.findById(node.getId()).map(ServiceStatusRecord::getStatus);
        if (status.orElse(null) == ServiceStatus.RUNNING) {
            return true;
        }
        if (status.orElse(null) == ServiceStatus.FAILED) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_GUEST, "node " + node.getName() + ": "
                    + statuses.findById(node.getId()).orElseThrow().getStatusDescription());
        }
        if (compute.status(node.getId().toString()) == ServerStatus.SHUTOFF) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_SERVER, "node " + node.getName()
                    + ": the guest agent process exited before the datastore ran; see its guest.log");
        }
        return false;
    }

    /** A clean stop when the guest still answers; the processes are terminated by destroy anyway. */
    public void stopDatastore(Node node, String correlationId) {
        if (node.secret().isEmpty() || compute.status(node.getId().toString()) != ServerStatus.ACTIVE) {
            return;
        }
        try {
            guests.call(node, MessageTypes.STOP_DB, new StopDb(), correlationId, properties.guestCallTimeoutLow());
        } catch (GuestCallException e) {
            log.warn("node {}: clean stop failed ({}); its processes are terminated instead", node.getId(),
                    e.getMessage());
        }
    }

    /**
     * Stops every node's datastore at once: when a whole cluster goes, no node waits for another's clean stop
     * (a Cassandra node drains for seconds).
     */
    public void stopDatastores(List<Node> nodes, String correlationId) {
        SideBySide.forEach(nodes, node -> stopDatastore(node, correlationId));
    }

    /** Best effort: a node that was stopped for a change that failed serves again. */
    public void restartDatastore(Node node, String correlationId) {
        if (node.secret().isPresent() && compute.status(node.getId().toString()) == ServerStatus.ACTIVE) {
            guests.cast(node, MessageTypes.RESTART, java.util.Map.of(), correlationId);
        }
    }

    /**
     * Every process and file of the node goes, then its broker account and queue; the row stays, soft-deleted, its
     * address released.
     */
    public void destroy(Node node) throws StepFailure {
        try {
            compute.destroy(node.getId().toString());
        } catch (ComputeException e) {
            throw new StepFailure(NodeTask.DELETING_ERROR, e.getMessage());
        }
        try {
            remote.call(node.getId(), "broker.remove", () -> {
                brokerAccounts.delete(node.getId().toString());
                guests.deleteQueue(node.getId().toString());
                return null;
            });
        } catch (BrokerAccountException e) {
            throw new StepFailure(NodeTask.DELETING_ERROR, e.getMessage());
        }
    }

    /** Every node is asked to go before the step waits for any; each row is marked deleted once its node is gone. */
    public void destroyAll(List<Node> nodes) throws StepFailure {
        SideBySide.forEach(nodes, node -> {
            destroy(node);
            node.markDeleted(clock.instant());
        });
    }
}
