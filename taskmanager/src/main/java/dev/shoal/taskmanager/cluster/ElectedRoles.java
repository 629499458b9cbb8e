package dev.shoal.taskmanager.cluster;

import dev.shoal.contracts.Role;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.taskmanager.compute.ComputeDriver;
import dev.shoal.taskmanager.compute.ComputeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A datastore that elects its primary (MongoDB) changes its members' roles without any task: the conductor records
 * the part each heartbeat reports. The task managers' leader passes those changes on to the compute driver, so that
 * where it routes clients by role (Kubernetes' writer Service) they follow the election. Within a cluster the members
 * losing the primary's part are told first, and the new primary only once they all took it and no other row still
 * says primary (the old primary's heartbeat may report its step-down after the new one reports its election): the
 * writer address may name no node for a moment, or the old primary a moment longer, never two. What the driver could not take is told again at the next look; a new leader
 * tells every elected role once, as it knows nothing of what the one before told.
 */
@Component
class ElectedRoles {

    private static final Logger log = LoggerFactory.getLogger(ElectedRoles.class);

    private final JdbcClient jdbc;
    private final ComputeDriver compute;
    private final Leadership leadership;
    /** What this process told the driver, by node, while it leads. */
    private final Map<UUID, Role> told = new ConcurrentHashMap<>();

    ElectedRoles(JdbcClient jdbc, ComputeDriver compute, Leadership leadership) {
        this.jdbc = jdbc;
        this.compute = compute;
        this.leadership = leadership;
    }

    @Scheduled(initialDelayString = "${shoal.taskmanager.elected-role-interval:5s}",
            fixedDelayString = "${shoal.taskmanager.elected-role-interval:5s}")
    void look() {
        if (!leadership.leads()) {
            told.clear();
            return;
        }
        follow(elected());
    }

    /** Only placed nodes: the driver makes a node with the role it has then, and knows nothing of one not yet made. */
    private List<Elected> elected() {
        return jdbc.sql("""
                        select id, cluster_id, role from nodes
                         where role in ('PRIMARY', 'SECONDARY') and deleted_at is null
                           and compute_instance_id is not null and cluster_id is not null
                        """)
                .query((row, number) -> new Elected(row.getObject("id", UUID.class),
                        row.getObject("cluster_id", UUID.class), Role.valueOf(row.getString("role"))))
                .list();
    }

    void follow(List<Elected> elected) {
        Set<UUID> seen = new HashSet<>();
        Set<UUID> unsettled = new HashSet<>();
        List<Elected> changed = new ArrayList<>();
        for (Elected node : elected) {
            seen.add(node.nodeId());
            if (told.get(node.nodeId()) != node.role()) {
                changed.add(node);
            }
        }
        told.keySet().retainAll(seen);
        Map<UUID, Long> primaries = elected.stream().filter(node -> node.role() == Role.PRIMARY)
                .collect(Collectors.groupingBy(Elected::clusterId, Collectors.counting()));
        changed.sort(Comparator.comparing(node -> node.role() == Role.PRIMARY));
        for (Elected node : changed) {
            if (node.role() == Role.PRIMARY && (unsettled.contains(node.clusterId())
                    || primaries.get(node.clusterId()) > 1)) {
                continue;
            }
            try {
                compute.assignRole(node.nodeId().toString(), node.role());
                told.put(node.nodeId(), node.role());
                log.info("node {}: the compute driver follows its election as {}", node.nodeId(), node.role());
            } catch (ComputeException e) {
                unsettled.add(node.clusterId());
                log.warn("node {}: the compute driver has not taken its elected role {} yet: {}", node.nodeId(),
                        node.role(), e.getMessage());
            }
        }
    }

    record Elected(UUID nodeId, UUID clusterId, Role role) {
    }
}
