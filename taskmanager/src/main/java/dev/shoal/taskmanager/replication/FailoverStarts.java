package dev.shoal.taskmanager.replication;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.domain.failover.FailoverAssessment;
import dev.shoal.domain.failover.FailoverProperties;
import dev.shoal.domain.failover.ReplicationSets.InstanceSet;
import dev.shoal.domain.failover.ReplicationSets.Member;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.domain.task.TaskRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a failover as one change: every member of the set takes the task, so nothing else starts on the set meanwhile,
 * the members note the time for the cool-down, and the task records what was seen. A set something else is changing
 * is left to that change.
 */
@Component
class FailoverStarts {

    private final NodeRepository nodes;
    private final TaskRepository tasks;
    private final JdbcClient jdbc;
    private final MessageCodec codec;
    private final FailoverProperties properties;

    FailoverStarts(NodeRepository nodes, TaskRepository tasks, JdbcClient jdbc, MessageCodec codec,
                   FailoverProperties properties) {
        this.nodes = nodes;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.codec = codec;
        this.properties = properties;
    }

    /** @return the failover's task, to run once this commits; empty when the set is busy */
    @Transactional
    Optional<UUID> start(InstanceSet set, FailoverAssessment assessment, Instant now) {
        List<UUID> instances = new ArrayList<>(List.of(set.master().instanceId()));
        set.replicas().stream().map(Member::instanceId).forEach(instances::add);
        if (!takeTask(set, assessment, now)) {
            return Optional.empty();
        }
        jdbc.sql("update instances set failed_over_at = :now, updated = :now where id in (:ids)")
                .param("now", Timestamp.from(now)).param("ids", instances).update();
        return Optional.of(save(set, assessment, now, "instance", set.master().instanceId(), instances));
    }

    /** The same for a replication cluster, whose members are its nodes. */
    @Transactional
    Optional<UUID> startCluster(UUID clusterId, InstanceSet set, FailoverAssessment assessment, Instant now) {
        List<UUID> members = new ArrayList<>(List.of(set.master().nodeId()));
        set.replicas().stream().map(Member::nodeId).forEach(members::add);
        if (!takeTask(set, assessment, now)) {
            return Optional.empty();
        }
        jdbc.sql("update clusters set failed_over_at = :now, updated = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", clusterId).update();
        return Optional.of(save(set, assessment, now, "cluster", clusterId, members));
    }

    private boolean takeTask(InstanceSet set, FailoverAssessment assessment, Instant now) {
        List<Node> members = new ArrayList<>();
        members.add(nodes.findById(set.master().nodeId()).orElseThrow());
        set.replicas().forEach(replica -> members.add(nodes.findById(replica.nodeId()).orElseThrow()));
        if (members.stream().anyMatch(FailoverStarts::busy)) {
            return false;
        }
        String description = "Failing over: " + assessment.message();
        members.forEach(node -> node.startTask(NodeTask.EJECTING, description, now));
        return true;
    }

    /** @param members the old master first, then its replicas */
    private UUID save(InstanceSet set, FailoverAssessment assessment, Instant now, String resourceType,
                      UUID resourceId, List<UUID> members) {
        Instant heard = set.master().report() == null ? null : set.master().report().receivedAt();
        SwitchoverParameters parameters = new SwitchoverParameters(members.get(0), null,
                members.subList(1, members.size()), null, null, assessment.message(),
                heard != null && heard.isAfter(assessment.unreachableSince()));
        return tasks.save(new Task(set.tenantId(), TaskKind.FAILOVER, resourceType, resourceId,
                codec.mapper().writeValueAsString(parameters), Task.SHOAL, now, properties.timeout())).getId();
    }

    /** A master that failed before (its error kept) may still be failed over. */
    private static boolean busy(Node node) {
        return node.isDeleted() || node.getTask() != NodeTask.NONE && node.getTask() != NodeTask.RESTART_REQUIRED
                && !node.getTask().isError();
    }
}
