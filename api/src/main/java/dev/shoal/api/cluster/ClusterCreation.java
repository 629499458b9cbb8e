package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.catalog.CatalogReferences;
import dev.shoal.api.quota.Quotas;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.datastore.Ability;
import dev.shoal.datastore.DatastoreDescriptor;
import dev.shoal.domain.catalog.DatastoreVersion;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.cluster.ClusterRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a cluster: the cluster, its nodes and its task in one transaction, answered at once; the task leaves through
 * the outbox after commit.
 */
@Service
class ClusterCreation {

    private final ClusterRepository clusters;
    private final ClusterMembers newNodes;
    private final ClusterMembership membership;
    private final CatalogReferences catalog;
    private final Quotas quotas;
    private final TaskScheduler scheduler;
    private final ClusterViews views;
    private final ApiProperties properties;
    private final Clock clock;

    ClusterCreation(ClusterRepository clusters, ClusterMembers newNodes, ClusterMembership membership,
                    CatalogReferences catalog, Quotas quotas, TaskScheduler scheduler, ClusterViews views,
                    ApiProperties properties, Clock clock) {
        this.clusters = clusters;
        this.newNodes = newNodes;
        this.membership = membership;
        this.catalog = catalog;
        this.quotas = quotas;
        this.scheduler = scheduler;
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    ClusterView create(String tenantId, ClusterRequests.Create request) {
        ClusterRequests.CreateBody body = ClusterRules.validate(request, properties.minVolumeGb(),
                properties.maxVolumeGb(), properties.maxClusterSize());
        DatastoreVersion version = catalog.version(body.datastore().type(), body.datastore().version(),
                "cluster.datastore");
        DatastoreDescriptor datastore = catalog.descriptor(version, Ability.CLUSTERS, "cluster.datastore.type");
        if (body.autoFailover() != null) {
            ClusterSettings.requireMaster(datastore);
        }
        String flavorId = catalog.flavor(body.flavorRef(), "cluster.flavorRef");
        UUID configurationId = catalog.configuration(tenantId, body.configuration(), version, "cluster.configuration");
        int size = body.size() != null ? body.size() : body.nodes().size();
        List<ClusterRequests.Allocation> allocations = ClusterRules.allocations(body.nodes(), size, "cluster.nodes",
                datastore, Set.copyOf(properties.regions()), properties.defaultRegion());
        membership.checkComposition(datastore, allocations, "cluster.nodes");
        quotas.reserve(tenantId, allocations.size(), (long) allocations.size() * body.volume().size());
        Cluster cluster = clusters.save(new Cluster(tenantId, body.name().strip(), version.getId(), flavorId,
                body.volume().size(), configurationId, clock.instant()));
        if (body.autoFailover() != null) {
            cluster.autoFailover(body.autoFailover(), clock.instant());
        }
        List<Node> created = newNodes.add(cluster, allocations, 0);
        Task task = scheduler.schedule(tenantId, TaskKind.CREATE_CLUSTER, ClusterLookup.RESOURCE_TYPE, cluster.getId(),
                newNodes.ids(created), properties.buildTimeout());
        return views.view(cluster, created, Map.of(), Optional.of(task));
    }
}
