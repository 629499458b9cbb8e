package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.quota.Quotas;
import dev.shoal.api.system.ApiException;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.ResizeParameters;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trove's {@code resize} action: {@code {"flavorRef": "2"}} sizes the datastore for another flavor, {@code
 * {"volume": {"size": N}}} grows the volume. The new size is written at once, so quotas count a larger volume
 * before it exists, and a failed resize goes back to the old one.
 */
@Component
class InstanceResize {

    private final InstanceLookup instances;
    private final InstanceTasks instanceTasks;
    private final CatalogReferences catalog;
    private final Quotas quotas;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final Clock clock;

    InstanceResize(InstanceLookup instances, InstanceTasks instanceTasks, CatalogReferences catalog, Quotas quotas,
                   JsonMapper json, ApiProperties properties, Clock clock) {
        this.instances = instances;
        this.instanceTasks = instanceTasks;
        this.catalog = catalog;
        this.quotas = quotas;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    void resize(String tenantId, UUID id, InstanceActionRequest.Resize resize) {
        boolean flavor = resize.flavorRef() != null;
        boolean volume = resize.volume() != null;
        if (flavor == volume) {
            throw ApiException.invalid("resize", "names exactly one of flavorRef and volume");
        }
        Instance instance = instances.find(tenantId, id, flavor ? "resize-flavor" : "resize-volume");
        Node node = instances.node(instance);
        String status = instances.status(instance);
        if (node.getTask() != NodeTask.NONE || !status.equals("ACTIVE")) {
            throw ApiException.conflict("instance " + id + " is " + status + "; resize it once it is ACTIVE");
        }
        ResizeParameters change = flavor ? newFlavor(instance, resize.flavorRef())
                : newVolume(tenantId, instance, resize.volume());
        instance.resize(change.flavorId(), change.volumeSize(), clock.instant());
        node.resize(change.flavorId(), change.volumeSize(), clock.instant());
        node.startTask(NodeTask.RESIZING, flavor ? "Resizing to flavor " + change.flavorId()
                : "Growing the volume to " + change.volumeSize() + " GB", clock.instant());
        instanceTasks.schedule(tenantId, TaskKind.RESIZE_INSTANCE, id, json.writeValueAsString(change),
                properties.buildTimeout());
    }

    private ResizeParameters newFlavor(Instance instance, String flavorRef) {
        if (flavorRef.isBlank()) {
            throw ApiException.invalid("resize.flavorRef", "must be a flavor id or link");
        }
        String flavorId = catalog.flavor(flavorRef, "resize.flavorRef");
        if (flavorId.equals(instance.getFlavorId())) {
            throw ApiException.invalid("resize.flavorRef", "is the instance's flavor already");
        }
        return new ResizeParameters(flavorId, instance.getVolumeSize(), instance.getFlavorId(),
                instance.getVolumeSize());
    }

    private ResizeParameters newVolume(String tenantId, Instance instance, InstanceActionRequest.ResizeVolume volume) {
        Integer size = volume.size();
        if (size == null) {
            throw ApiException.invalid("resize.volume.size", "must be a whole number of GB");
        }
        int current = instance.getVolumeSize();
        if (size <= current) {
            throw ApiException.invalid("resize.volume.size", "must be larger than the current " + current
                    + " GB; a volume only grows");
        }
        if (size > properties.maxVolumeGb()) {
            throw ApiException.invalid("resize.volume.size", "must be at most " + properties.maxVolumeGb() + " GB");
        }
        quotas.reserve(tenantId, 0, size - current);
        return new ResizeParameters(instance.getFlavorId(), size, instance.getFlavorId(), current);
    }
}
