package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.VersionNames;
import dev.shoal.api.condition.ClusterSetStatus;
import dev.shoal.api.condition.SetStatus;
import dev.shoal.api.system.Links;
import dev.shoal.api.system.RoleNames;
import dev.shoal.api.system.TroveTime;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeStatus;
import dev.shoal.domain.node.NodeStatusRule;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.task.Task;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds what users see of a cluster. The status is derived: the running task's status, else {@code ERROR} with
 * the last failure, else {@code ACTIVE} when every node is, else {@code DEGRADED} (a node down or busy).
 */
@Component
class ClusterViews {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final VersionNames versions;
    private final Links links;
    private final ApiProperties properties;
    private final ClusterSetStatus sets;
    private final Clock clock;

    ClusterViews(VersionNames versions, ClusterSetStatus sets, Links links, ApiProperties properties,
                 Clock clock) {
        this.versions = versions;
        this.sets = sets;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    ClusterView view(Cluster cluster, List<Node> nodes, Map<UUID, ServiceStatusRecord> statuses,
                     Optional<Task> task) {
        String tenant = cluster.getTenantId();
        List<ClusterView.NodeView> nodeViews = nodes.stream().map(node -> node(node, statuses.get(node.getId())))
                .toList();
        VersionNames.Names version = versions.of(cluster.getDatastoreVersionId());
        SetStatus set = sets.of(cluster, nodes, statuses);
        return new ClusterView(
                cluster.getId(),
                cluster.getName(),
                status(cluster, nodeViews),
                TroveTime.format(cluster.getCreated()),
                TroveTime.format(cluster.getUpdated()),
                links.of(tenant, "clusters/" + cluster.getId()),
                new ClusterView.Datastore(version.datastore(), version.version()),
                cluster.getConfigurationId() == null ? null : new ClusterView.Reference(
                        cluster.getConfigurationId().toString(),
                        links.of(tenant, "configurations/" + cluster.getConfigurationId())),
                new ClusterView.Reference(cluster.getFlavorId(), links.of(tenant, "flavors/" + cluster.getFlavorId())),
                new ClusterView.Volume(cluster.getVolumeSize(), null),
                nodes.size(),
                nodes.stream().map(Node::getIp).filter(java.util.Objects::nonNull).toList(),
                nodeViews,
                nodeViews,
                set.endpoints(),
                set.conditions(),
                set.autoFailover(),
                cluster.getFault() == null ? null : new ClusterView.Fault(cluster.getFault()),
                task.map(dev.shoal.api.system.TaskView::of).map(view -> view.named(cluster.getTask().name()))
                        .orElse(null));
    }

    ClusterView.NodeView node(Node node, ServiceStatusRecord service) {
        NodeStatus status = NodeStatusRule.derive(node.getTask(), service == null ? null : service.getStatus(),
                service == null ? null : service.getUpdatedAt(), clock.instant(), properties.heartbeatExpiry());
        Double used = service == null || service.getVolumeUsedBytes() == null ? null
                : Math.round(service.getVolumeUsedBytes() / GIB * 100) / 100.0;
        String tenant = node.getTenantId();
        return new ClusterView.NodeView(node.getId(), node.getName(), status.name(),
                node.getIp() == null ? List.of() : List.of(node.getIp()), node.getType(),
                RoleNames.shown(node.getRole()), service == null ? null : service.getRestarts(),
                service == null || service.getLastCrash() == null ? null : TroveTime.format(service.getLastCrash()),
                node.getRegion(),
                new ClusterView.Reference(node.getFlavorId(), links.of(tenant, "flavors/" + node.getFlavorId())),
                new ClusterView.Volume(node.getVolumeSize(), used),
                node.getTaskDescription(),
                links.of(tenant, "clusters/" + node.getClusterId() + "/nodes/" + node.getId()));
    }

    private static String status(Cluster cluster, List<ClusterView.NodeView> nodes) {
        if (cluster.isBusy()) {
            return cluster.getTask().status();
        }
        if (cluster.getFault() != null) {
            return "ERROR";
        }
        return nodes.stream().allMatch(node -> node.status().equals(NodeStatus.ACTIVE.name())) ? "ACTIVE"
                : "DEGRADED";
    }


}
