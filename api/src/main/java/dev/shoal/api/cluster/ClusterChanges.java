package dev.shoal.api.cluster;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.quota.Quotas;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.TaskScheduler;
import dev.shoal.domain.cluster.Cluster;
import dev.shoal.domain.cluster.ClusterTask;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes a cluster: grows, shrinks and deletes it, replaces or restarts its nodes. One change at a time per cluster:
 * a request while another change runs is a 409.
 */
@Service
public class ClusterChanges {

    private final ClusterLookup lookup;
    private final ClusterMembers newNodes;
    private final ClusterMembership membership;
    private final NodeRepository nodes;
    private final TaskRepository tasks;
    private final Quotas quotas;
    private final TaskScheduler scheduler;
    private final ClusterViews views;
    private final JsonMapper json;
    private final ApiProperties properties;
    private final Clock clock;

    ClusterChanges(ClusterLookup lookup, ClusterMembers newNodes, ClusterMembership membership, NodeRepository nodes,
                   TaskRepository tasks, Quotas quotas, TaskScheduler scheduler, ClusterViews views, JsonMapper json,
                   ApiProperties properties, Clock clock) {
        this.json = json;
        this.lookup = lookup;
        this.newNodes = newNodes;
        this.membership = membership;
        this.nodes = nodes;
        this.tasks = tasks;
        this.quotas = quotas;
        this.scheduler = scheduler;
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deleting what is already being deleted changes nothing and answers the same. */
    @Transactional
    void delete(String tenantId, UUID id) {
        Cluster cluster = lookup.find(tenantId, id);
        if (cluster.getTask() == ClusterTask.DELETING) {
            return;
        }
        cluster.startTask(ClusterTask.DELETING, "Deleting the cluster", clock.instant());
        lookup.members(cluster).forEach(node -> node.startTask(NodeTask.DELETING, "Deleting the cluster",
                clock.instant()));
        scheduler.schedule(tenantId, TaskKind.DELETE_CLUSTER, ClusterLookup.RESOURCE_TYPE, id, null,
                properties.deleteTimeout());
    }

    @Transactional
    List<ClusterView.NodeView> grow(String tenantId, UUID id, ClusterRequests.AddNodes request) {
        Cluster cluster = ClusterLookup.idle(lookup.find(tenantId, id));
        List<Node> members = lookup.members(cluster);
        List<ClusterRequests.Allocation> allocations = membership.growth(request, members, lookup.datastore(cluster));
        if (members.size() + allocations.size() > properties.maxClusterSize()) {
            throw ApiException.inconsistent("nodes.num: the cluster would have " + (members.size()
                    + allocations.size()) + " nodes; at most " + properties.maxClusterSize(),
                    List.of(new ApiException.FieldProblem("nodes.num", "too many nodes")));
        }
        quotas.reserve(tenantId, allocations.size(), (long) allocations.size() * cluster.getVolumeSize());
        cluster.startTask(ClusterTask.GROWING, "Adding " + allocations.size() + " node(s)", clock.instant());
        List<Node> added = newNodes.add(cluster, allocations, nodes.countByClusterId(cluster.getId()));
        scheduler.schedule(tenantId, TaskKind.GROW_CLUSTER, ClusterLookup.RESOURCE_TYPE, id, newNodes.ids(added),
                properties.buildTimeout());
        return added.stream().map(node -> views.node(node, null)).toList();
    }

    @Transactional
    void removeNode(String tenantId, UUID id, UUID nodeId) {
        Cluster cluster = ClusterLookup.idle(lookup.find(tenantId, id));
        List<Node> members = lookup.members(cluster);
        Node node = lookup.member(cluster, nodeId);
        membership.checkRemoval(lookup.datastore(cluster), members, node);
        cluster.startTask(ClusterTask.SHRINKING, "Removing node " + node.getName(), clock.instant());
        node.startTask(NodeTask.DELETING, "Leaving the cluster", clock.instant());
        scheduler.schedule(tenantId, TaskKind.SHRINK_CLUSTER, ClusterLookup.RESOURCE_TYPE, id,
                newNodes.ids(List.of(node)), properties.deleteTimeout().plus(properties.buildTimeout()));
    }

    /**
     * Trove's reset-status, for a cluster left in {@code ERROR}: the fault and the nodes' error tasks are cleared
     * and the status is what the nodes report again. A task still running is never reset under its feet: it ends
     * by itself, done or failed, by its deadline.
     */
    @Transactional
    void resetStatus(String tenantId, UUID id) {
        Cluster cluster = lookup.find(tenantId, id);
        tasks.findFirstByResourceIdOrderByCreatedDesc(id).filter(task -> !task.getState().isFinished())
                .ifPresent(task -> {
                    throw ApiException.conflict("cluster " + id + " has its " + task.getKind() + " task running (step "
                            + task.getStep() + "); it ends by itself by " + task.getDeadline());
                });
        cluster.finishTask(clock.instant());
        lookup.members(cluster).stream().filter(node -> node.getTask().isError())
                .forEach(node -> node.finishTask(clock.instant()));
    }

    /** A new node in the old one's region and role takes its place and data; then the old one goes. */
    @Transactional
    ClusterView.NodeView replaceNode(String tenantId, UUID id, UUID nodeId) {
        Cluster cluster = ClusterLookup.idle(lookup.find(tenantId, id));
        Node old = lookup.member(cluster, nodeId);
        membership.checkReplacement(lookup.datastore(cluster), lookup.members(cluster), old);
        cluster.startTask(ClusterTask.REPLACING, "Replacing node " + old.getName(), clock.instant());
        Node replacement = newNodes.add(cluster, List.of(new ClusterRequests.Allocation(old.getRegion(),
                old.getType())), nodes.countByClusterId(cluster.getId())).get(0);
        scheduler.schedule(tenantId, TaskKind.REPLACE_CLUSTER_NODE, ClusterLookup.RESOURCE_TYPE, id,
                json.writeValueAsString(Map.of("nodes", List.of(replacement.getId()), "replaces", old.getId())),
                properties.buildTimeout().plus(properties.deleteTimeout()));
        return views.node(replacement, null);
    }

    /** One node's server restarted, the others left as they run; the cluster shows it restarting meanwhile. */
    @Transactional
    public void restartNode(String tenantId, UUID id, UUID nodeId) {
        Cluster cluster = ClusterLookup.idle(lookup.find(tenantId, id));
        Node node = lookup.member(cluster, nodeId);
        cluster.startTask(ClusterTask.RESTARTING, "Restarting node " + node.getName(), clock.instant());
        scheduler.schedule(tenantId, TaskKind.RESTART_CLUSTER, ClusterLookup.RESOURCE_TYPE, id,
                newNodes.ids(List.of(node)), properties.buildTimeout());
    }

    /** Trove's cluster restart, one node at a time; what a configuration group left for a restart takes effect. */
    @Transactional
    void restart(String tenantId, UUID id) {
        Cluster cluster = ClusterLookup.idle(lookup.find(tenantId, id));
        cluster.startTask(ClusterTask.RESTARTING, "Restarting every node, one at a time", clock.instant());
        scheduler.schedule(tenantId, TaskKind.RESTART_CLUSTER, ClusterLookup.RESOURCE_TYPE, id, null,
                properties.buildTimeout());
    }
}
