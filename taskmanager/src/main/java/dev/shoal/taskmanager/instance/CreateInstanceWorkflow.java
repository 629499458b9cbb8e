package dev.shoal.taskmanager.instance;

import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.NodeSecret;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.ServiceStatus;
import dev.shoal.contracts.guest.Prepare;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.compute.AddressAllocator;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.compute.NodePlacement;
import dev.shoal.taskmanager.compute.ServerStatus;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepFailure;
import dev.shoal.taskmanager.task.Workflow;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds the node of a standalone instance: address, guest process, prepare, and waits until it runs. */
@Component
class CreateInstanceWorkflow implements Workflow {

    private final InstanceNodes instanceNodes;
    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final AddressAllocator addresses;
    private final ComputeDriver compute;
    private final GuestClient guests;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CreateInstanceWorkflow(InstanceNodes instanceNodes, NodeRepository nodes, ServiceStatusRepository statuses,
                           AddressAllocator addresses, ComputeDriver compute, GuestClient guests, Clock clock) {
        this.instanceNodes = instanceNodes;
        this.nodes = nodes;
        this.statuses = statuses;
        this.addresses = addresses;
        this.compute = compute;
        this.guests = guests;
        this.clock = clock;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CREATE_INSTANCE;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                new Step("ALLOCATE", 10, "Allocating an address and a node secret", this::allocate),
                new Step("SPAWN", 30, "Starting the guest agent", this::spawn),
                new Step("PREPARE", 40, "Asking the guest to prepare the datastore", this::prepare),
                new Step("AWAIT_ACTIVE", 100, "Waiting for the datastore to run", this::awaitActive));
    }

    @Override
    public NodeTask timeoutError() {
        return NodeTask.BUILDING_ERROR_TIMEOUT_GA;
    }

    /** A build that fails while the instance is being deleted leaves the delete in charge of the node. */
    @Override
    public void onFailure(Task task, NodeTask errorTask, String reason) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return;
        }
        node.fail(errorTask == null ? NodeTask.BUILDING_ERROR_SERVER : errorTask, reason, clock.instant());
        instanceNodes.instance(task).touch(clock.instant());
    }

    private StepOutcome allocate(Task task) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        if (node.getIp() == null) {
            String address = addresses.allocate(nodes.findLiveAddresses());
            node.placed(node.getId().toString(), address, "localhost", NodeSecret.generate(), clock.instant());
            nodes.saveAndFlush(node);
        }
        return StepOutcome.DONE;
    }

    private StepOutcome spawn(Task task) throws StepFailure {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        guests.declareQueue(node.getId().toString());
        try {
            NodePlacement placement = compute.provision(instanceNodes.spec(node));
            node.serverStatus(ServerStatus.ACTIVE.name(), clock.instant());
            return placement == null ? StepOutcome.WAIT : StepOutcome.DONE;
        } catch (ComputeException e) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_SERVER, e.getMessage());
        }
    }

    /** The root password is sealed for this node only and kept nowhere: users get theirs from enable root. */
    private StepOutcome prepare(Task task) {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        byte[] password = new byte[24];
        random.nextBytes(password);
        String sealed = SecretBox.seal(node.secret().orElseThrow(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(password));
        var version = instanceNodes.version(node);
        guests.cast(node, MessageTypes.PREPARE, new Prepare(version.getDatastore().getManager(), version.getName(),
                instanceNodes.flavor(node).getRamMb(), node.getVolumeSize(), sealed), task.getId().toString());
        return StepOutcome.DONE;
    }

    private StepOutcome awaitActive(Task task) throws StepFailure {
        Node node = instanceNodes.node(task);
        if (node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        Optional<ServiceStatusRecord> status = statuses.findById(node.getId());
        if (status.map(ServiceStatusRecord::getStatus).orElse(null) == ServiceStatus.RUNNING) {
            node.finishTask(clock.instant());
            instanceNodes.instance(task).touch(clock.instant());
            return StepOutcome.DONE;
        }
        if (status.map(ServiceStatusRecord::getStatus).orElse(null) == ServiceStatus.FAILED) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_GUEST, status.get().getStatusDescription());
        }
        if (compute.status(node.getId().toString()) == ServerStatus.SHUTOFF) {
            throw new StepFailure(NodeTask.BUILDING_ERROR_SERVER,
                    "the guest agent process exited before the datastore ran; see its guest.log");
        }
        return StepOutcome.WAIT;
    }
}
