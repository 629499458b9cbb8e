package dev.shoal.api.instance;

import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.ServiceStatusRecord;
import dev.shoal.domain.task.Task;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An instance with its newest node, that node's service status and the instance's newest task, in one statement:
 * a read of one instance is dominated by its round trips to the database, not by the rows.
 */
@Component
class InstanceRows {

    private static final String SHOWN = """
            select i, n, s, t from Instance i
            join Node n on n.instanceId = i.id
            left join ServiceStatusRecord s on s.nodeId = n.id
            left join Task t on t.resourceId = i.id
              and t.created = (select max(newer.created) from Task newer where newer.resourceId = i.id)
            where i.id = :id and i.tenantId = :tenantId and i.deletedAt is null
            order by n.created desc
            """;

    record Shown(Instance instance, Node node, Optional<ServiceStatusRecord> service, Optional<Task> task) {
    }

    private final EntityManager entityManager;

    InstanceRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Optional<Shown> shown(String tenantId, UUID id) {
        return entityManager.createQuery(SHOWN, Object[].class)
                .setParameter("id", id)
                .setParameter("tenantId", tenantId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(row -> new Shown((Instance) row[0], (Node) row[1],
                        Optional.ofNullable((ServiceStatusRecord) row[2]), Optional.ofNullable((Task) row[3])));
    }
}
