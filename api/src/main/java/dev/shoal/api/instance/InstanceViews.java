package dev.shoal.api.instance;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.VersionNames;
import dev.shoal.api.condition.InstanceSetStatus;
import dev.shoal.api.condition.SetStatus;
import dev.shoal.api.secgroup.AccessView;
import dev.shoal.api.secgroup.AccessViews;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.RoleNames;
import dev.shoal.api.system.TroveTime;
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

    private final VersionNames versionNames;
    private final Links links;
    private final ApiProperties properties;
    private final Clock clock;

    private final dev.shoal.api.configuration.NodeConfigurationGroups nodeGroups;
    private final AccessViews access;
    private final InstanceSetStatus sets;

    InstanceViews(VersionNames versionNames, dev.shoal.api.configuration.NodeConfigurationGroups nodeGroups,
                  AccessViews access, InstanceSetStatus sets, Links links, ApiProperties properties, Clock clock) {
        this.nodeGroups = nodeGroups;
        this.sets = sets;
        this.access = access;
        this.versionNames = versionNames;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    InstanceView view(Instance instance, Node node, Optional<ServiceStatusRecord> service, Optional<Task> task,
                      List<UUID> replicaIds) {
        return view(instance, node, service, task, replicaIds, access.ofNode(node.getId()),
                sets.of(instance, node, !replicaIds.isEmpty()));
    }

    /**
     * @param nodeAccess the node's access, read with its page's (null for a node without a group)
     * @param set        its replication set's endpoints and conditions, read with its page's
     */
    InstanceView view(Instance instance, Node node, Optional<ServiceStatusRecord> service, Optional<Task> task,
                      List<UUID> replicaIds, AccessView nodeAccess, SetStatus set) {
        String tenant = instance.getTenantId();
        return build(node, service, new Shown(instance.getId(), instance.getName(), instance.getDatastoreVersionId(),
                        instance.getFlavorId(), instance.getVolumeSize(), instance.getConfigurationId(),
                        instance.getCreated(), instance.getUpdated()),
                slave(instance, replicaIds),
                instance.isReplica() ? replica(tenant, instance.getSlaveOf()) : null,
                replicaIds.isEmpty() ? null : replicaIds.stream().map(id -> replica(tenant, id)).toList(), task,
                nodeAccess, set);
    }

    /**
     * A cluster's node shown as Trove shows a cluster's instances: the same fields, with its cluster and type;
     * its configuration is its own group, which holds its cluster's settings.
     */
    InstanceView clusterNode(Node node, Optional<ServiceStatusRecord> service, Optional<Task> clusterTask) {
        return clusterNode(node, service, clusterTask, nodeGroups.of(node.getId()), access.ofNode(node.getId()));
    }

    /**
     * @param ownGroup   the node's own configuration group, read with its page's
     * @param nodeAccess the node's access, read with its page's (null for a node without a group)
     */
    InstanceView clusterNode(Node node, Optional<ServiceStatusRecord> service, Optional<Task> clusterTask,
                             Optional<UUID> ownGroup, AccessView nodeAccess) {
        return build(node, service, new Shown(node.getId(), node.getName(), node.getDatastoreVersionId(),
                node.getFlavorId(), node.getVolumeSize(), ownGroup.orElse(node.getConfigurationId()),
                node.getCreated(), node.getUpdated()), null, null, null, clusterTask, nodeAccess, null);
    }

    private InstanceView build(Node node, Optional<ServiceStatusRecord> service, Shown shown, InstanceView.Slave slave,
                               InstanceView.Replica replicaOf, List<InstanceView.Replica> replicas,
                               Optional<Task> task, AccessView nodeAccess, SetStatus set) {
        NodeStatus status = NodeStatusRule.derive(node.getTask(),
                service.map(ServiceStatusRecord::getStatus).orElse(null),
                service.map(ServiceStatusRecord::getUpdatedAt).orElse(null), clock.instant(),
                properties.heartbeatExpiry());
        VersionNames.Names version = versionNames.of(shown.versionId());
        String tenant = node.getTenantId();
        Double used = service.map(ServiceStatusRecord::getVolumeUsedBytes)
                .map(bytes -> Math.round(bytes / GIB * 100) / 100.0).orElse(null);
        return new InstanceView(
                shown.id(),
                shown.name(),
                status.name(),
                service.map(InstanceViews::operatingStatus).orElse(null),
                node.getIp() == null ? List.of() : List.of(node.getIp()),
                node.getIp() == null ? List.of() : List.of(new InstanceView.Address(node.getIp(), "private")),
                nodeAccess,
                new InstanceView.Volume(shown.volumeSize(), used),
                new InstanceView.Datastore(version.datastore(), version.version()),
                new InstanceView.Reference(shown.flavorId(), links.of(tenant, "flavors/" + shown.flavorId())),
                shown.configurationId() == null ? null : new InstanceView.Reference(
                        shown.configurationId().toString(),
                        links.of(tenant, "configurations/" + shown.configurationId())),
                node.getClusterId(),
                node.getClusterId() == null ? null : node.getType(),
                RoleNames.shown(node.getRole()),
                set == null ? null : set.endpoints(),
                set == null ? null : set.conditions(),
                set == null ? null : set.autoFailover(),
                service.map(ServiceStatusRecord::getRestarts).orElse(null),
                service.map(ServiceStatusRecord::getLastCrash).map(TroveTime::format).orElse(null),
                node.getRegion(),
                TroveTime.format(shown.created()),
                TroveTime.format(shown.updated()),
                links.of(tenant, "instances/" + shown.id()),
                status == NodeStatus.ERROR ? new InstanceView.Fault(node.getTaskDescription(),
                        TroveTime.format(node.getTaskStartTime())) : null,
                slave,
                replicaOf,
                replicas,
                task.map(dev.shoal.api.system.TaskView::of).orElse(null),
                node.getTaskDescription(),
                service.map(ServiceStatusRecord::getUpdatedAt).map(heard -> heard.plus(properties.heartbeatExpiry()))
                        .orElse(null));
    }

    /** Trove's operating status: what the datastore itself last reported, {@code HEALTHY} when it serves. */
    private static String operatingStatus(ServiceStatusRecord service) {
        return service.getStatus() == null ? null
                : service.getStatus() == dev.shoal.contracts.ServiceStatus.RUNNING ? "HEALTHY"
                : service.getStatus().name();
    }

    /** The fields an instance and a cluster's node both have. */
    private record Shown(UUID id, String name, UUID versionId, String flavorId, int volumeSize, UUID configurationId,
                         java.time.Instant created, java.time.Instant updated) {
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
