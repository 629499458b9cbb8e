package dev.shoal.domain.node;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceStatusRepository extends JpaRepository<ServiceStatusRecord, UUID> {

    default List<ServiceStatusRecord> findAllByNodeIdIn(Collection<UUID> nodeIds) {
        return nodeIds.isEmpty() ? List.of() : findAllByNodeIdAmong(nodeIds.toArray(UUID[]::new));
    }

    /**
     * An id list bound as one array parameter: Hibernate translates a query with an IN list anew at every call,
     * which cost a fifth of an instance read's time; "= any(array)" is translated once and still uses the index.
     */
    @Query(value = "select * from service_statuses where node_id = any(:nodeIds)", nativeQuery = true)
    List<ServiceStatusRecord> findAllByNodeIdAmong(UUID[] nodeIds);

    @Query("""
            select s from ServiceStatusRecord s
            where s.updatedAt < :cutoff and s.status <> dev.shoal.contracts.ServiceStatus.SHUTDOWN
            """)
    List<ServiceStatusRecord> findSilentSince(Instant cutoff);
}
