package dev.shoal.taskmanager.instance;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.ResetConfiguration;
import dev.shoal.contracts.guest.ResizeFs;
import dev.shoal.domain.catalog.FlavorRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.ResizeParameters;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resizes an instance in Trove's terms: a new flavor re-sizes the datastore ({@code reset_configuration}), a larger
 * volume is grown by the compute driver and then handed to the guest ({@code resize_fs}). Neither needs a new
 * server; a failed resize leaves the instance on its old size with the reason on its task.
 */
@Configuration(proxyBeanMethods = false)
class ResizeInstanceWorkflow {

    private final InstanceNodes instanceNodes;
    private final FlavorRepository flavors;
    private final GuestClient guests;
    private final ComputeDriver compute;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;
    private final Clock clock;

    ResizeInstanceWorkflow(InstanceNodes instanceNodes, FlavorRepository flavors, GuestClient guests,
                           ComputeDriver compute, MessageCodec codec, TaskManagerProperties properties, Clock clock) {
        this.compute = compute;
        this.instanceNodes = instanceNodes;
        this.flavors = flavors;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    Workflow resizeInstance() {
        return new StepListWorkflow(TaskKind.RESIZE_INSTANCE, null, this::failed,
                new Step("RESIZE", 100, "Resizing the instance", this::resize));
    }

    /** A larger volume is grown by the compute driver before the guest grows its filesystem onto it. */
    private StepOutcome resize(Task task) throws ComputeException {
        Node node = instanceNodes.node(task);
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        ResizeParameters change = parameters(task);
        String correlation = task.getId().toString();
        if (change.flavorChanges()) {
            int memoryMb = flavors.findById(change.flavorId()).orElseThrow(() ->
                    new IllegalStateException("flavor " + change.flavorId() + " is gone")).getRamMb();
            guests.call(node, MessageTypes.RESET_CONFIGURATION, new ResetConfiguration(memoryMb), correlation,
                    properties.guestCallTimeoutHigh());
        }
        if (change.volumeChanges()) {
            compute.resizeVolume(node.getId().toString(), change.volumeSize());
            guests.call(node, MessageTypes.RESIZE_FS, new ResizeFs(change.volumeSize()), correlation,
                    properties.guestCallTimeoutLow());
        }
        node.finishTask(clock.instant());
        instanceNodes.instance(task).touch(clock.instant());
        return StepOutcome.DONE;
    }

    private void failed(Task task, NodeTask errorTask, String reason) {
        ResizeParameters change = parameters(task);
        Node node = instanceNodes.node(task);
        Instance instance = instanceNodes.instance(task);
        node.resize(change.fromFlavorId(), change.fromVolumeSize(), clock.instant());
        instance.resize(change.fromFlavorId(), change.fromVolumeSize(), clock.instant());
        if (node.getTask() == NodeTask.RESIZING) {
            node.finishTask(clock.instant());
        }
    }

    private ResizeParameters parameters(Task task) {
        return codec.mapper().readValue(task.getParameters(), ResizeParameters.class);
    }
}
