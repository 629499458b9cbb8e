package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.TroveTime;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.catalog.DatastoreVersionRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeStatus;
import dev.shoal.domain.node.NodeStatusRule;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.task.Task;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds what users see of an instance from its rows; the status is derived, never stored. */
@Component
class InstanceViews {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final DatastoreVersionRepository versions;
    private final Links links;
    private final ApiProperties properties;
    private final Clock clock;

    InstanceViews(DatastoreVersionRepository versions, Links links, ApiProperties properties, Clock clock) {
        this.versions = versions;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    InstanceView view(Instance instance, Node node, Optional<ServiceStatusRecord> service, Optional<Task> task,
                      List<UUID> replicaIds) {
        NodeStatus status = NodeStatusRule.derive(node.getTask(),
                service.map(ServiceStatusRecord::getStatus).orElse(null),
                service.map(ServiceStatusRecord::getUpdatedAt).orElse(null), clock.instant(),
                properties.heartbeatExpiry());
        DatastoreVersion version = versions.findById(instance.getDatastoreVersionId()).orElseThrow();
        String tenant = instance.getTenantId();
        Double used = service.map(ServiceStatusRecord::getVolumeUsedBytes)
                .map(bytes -> Math.round(bytes / GIB * 100) / 100.0).orElse(null);
        return new InstanceView(
                instance.getId(),
                instance.getName(),
                status.name(),
                node.getIp() == null ? List.of() : List.of(node.getIp()),
                node.getIp() == null ? List.of() : List.of(new InstanceView.Address(node.getIp(), "private")),
                new InstanceView.Volume(instance.getVolumeSize(), used),
                new InstanceView.Datastore(version.getDatastore().getName(), version.getName()),
                new InstanceView.Reference(instance.getFlavorId(), links.of(tenant, "flavors/" + instance.getFlavorId())),
                instance.getConfigurationId() == null ? null : new InstanceView.Reference(
                        instance.getConfigurationId().toString(),
                        links.of(tenant, "configurations/" + instance.getConfigurationId())),
                TroveTime.format(instance.getCreated()),
                TroveTime.format(instance.getUpdated()),
                links.of(tenant, "instances/" + instance.getId()),
                status == NodeStatus.ERROR ? new InstanceView.Fault(node.getTaskDescription(),
                        TroveTime.format(node.getTaskStartTime())) : null,
                slave(instance, replicaIds),
                instance.isReplica() ? replica(tenant, instance.getSlaveOf()) : null,
                replicaIds.isEmpty() ? null : replicaIds.stream().map(id -> replica(tenant, id)).toList(),
                task.map(dev.shoal.api.system.TaskView::of).orElse(null),
                node.getTaskDescription());
    }

    private InstanceView.Replica replica(String tenant, UUID id) {
        return new InstanceView.Replica(id, links.of(tenant, "instances/" + id));
    }

    private InstanceView.Slave slave(Instance instance, List<UUID> replicaIds) {
        if (instance.isReplica()) {
            return new InstanceView.Slave(instance.getSlaveOf(), true, null);
        }
        return replicaIds.isEmpty() ? null : new InstanceView.Slave(null, null, replicaIds.stream()
                .map(id -> replica(instance.getTenantId(), id)).toList());
    }


}
