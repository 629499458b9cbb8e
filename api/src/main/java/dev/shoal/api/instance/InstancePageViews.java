package dev.shoal.api.instance;

import dev.shoal.api.condition.InstanceSetStatus;
import dev.shoal.api.condition.SetStatus;
import dev.shoal.api.configuration.NodeConfigurationGroups;
import dev.shoal.api.secgroup.AccessView;
import dev.shoal.api.secgroup.AccessViews;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.instance.InstanceRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.node.ServiceStatusRepository;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The views of a page of instances and clusters' nodes, each kind of row read once for the whole page (nodes,
 * statuses, tasks, access, replicas, replication sets, nodes' own groups), so a page costs the same statements
 * whatever its size.
 */
@Component
class InstancePageViews {

    private final InstanceRepository instances;
    private final NodeRepository nodes;
    private final ServiceStatusRepository statuses;
    private final TaskRepository tasks;
    private final AccessViews access;
    private final InstanceSetStatus sets;
    private final NodeConfigurationGroups nodeGroups;
    private final InstanceViews views;

    InstancePageViews(InstanceRepository instances, NodeRepository nodes, ServiceStatusRepository statuses,
                      TaskRepository tasks, AccessViews access, InstanceSetStatus sets,
                      NodeConfigurationGroups nodeGroups, InstanceViews views) {
        this.instances = instances;
        this.nodes = nodes;
        this.statuses = statuses;
        this.tasks = tasks;
        this.access = access;
        this.sets = sets;
        this.nodeGroups = nodeGroups;
        this.views = views;
    }

    /** @param rows standalone instances and clusters' nodes, in the page's order */
    List<InstanceView> of(List<?> rows) {
        List<Instance> standalone = rows.stream().filter(Instance.class::isInstance).map(Instance.class::cast)
                .toList();
        List<UUID> ids = standalone.stream().map(Instance::getId).toList();
        Map<UUID, Node> nodeOf = ids.isEmpty() ? Map.of() : nodes.findAllByInstanceIdInAndDeletedAtIsNull(ids)
                .stream().collect(Collectors.toMap(Node::getInstanceId, Function.identity(), InstancePageViews::newer));
        List<Node> members = rows.stream().filter(Node.class::isInstance).map(Node.class::cast).toList();
        List<UUID> nodeIds = new ArrayList<>(nodeOf.values().stream().map(Node::getId).toList());
        nodeIds.addAll(members.stream().map(Node::getId).toList());
        Map<UUID, ServiceStatusRecord> statusOf = nodeIds.isEmpty() ? Map.of()
                : statuses.findAllByNodeIdIn(nodeIds).stream()
                .collect(Collectors.toMap(ServiceStatusRecord::getNodeId, Function.identity()));
        Map<UUID, AccessView> accessOf = access.ofNodes(nodeIds);
        Map<UUID, UUID> ownGroupOf = nodeGroups.ofNodes(members.stream().map(Node::getId).toList());
        Map<UUID, Task> taskOf = ids.isEmpty() ? Map.of() : tasks.findLatestOf(ids).stream()
                .collect(Collectors.toMap(Task::getResourceId, Function.identity(), (a, b) -> a));
        Map<UUID, List<UUID>> replicasOf = ids.isEmpty() ? Map.of()
                : instances.findAllBySlaveOfInAndDeletedAtIsNull(ids).stream()
                .sorted(Comparator.comparing(Instance::getCreated))
                .collect(Collectors.groupingBy(Instance::getSlaveOf,
                        Collectors.mapping(Instance::getId, Collectors.toList())));
        Map<UUID, SetStatus> setOf = sets.ofEach(standalone, nodeOf, replicasOf.keySet());
        return rows.stream().map(row -> {
            if (row instanceof Node member) {
                return views.clusterNode(member, Optional.ofNullable(statusOf.get(member.getId())),
                        Optional.empty(), Optional.ofNullable(ownGroupOf.get(member.getId())),
                        accessOf.get(member.getId()));
            }
            Instance instance = (Instance) row;
            Node node = nodeOf.get(instance.getId());
            return views.view(instance, node, Optional.ofNullable(statusOf.get(node.getId())),
                    Optional.ofNullable(taskOf.get(instance.getId())),
                    replicasOf.getOrDefault(instance.getId(), List.of()), accessOf.get(node.getId()),
                    setOf.get(instance.getId()));
        }).toList();
    }

    private static Node newer(Node a, Node b) {
        return a.getCreated().isAfter(b.getCreated()) ? a : b;
    }
}
