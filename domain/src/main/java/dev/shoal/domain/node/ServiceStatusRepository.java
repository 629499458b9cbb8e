package dev.shoal.domain.node;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceStatusRepository extends JpaRepository<ServiceStatusRecord, UUID> {

    List<ServiceStatusRecord> findAllByNodeIdIn(Collection<UUID> nodeIds);

    @Query("""
            select s from ServiceStatusRecord s
            where s.updatedAt < :cutoff and s.status <> dev.shoal.contracts.ServiceStatus.SHUTDOWN
            """)
    List<ServiceStatusRecord> findSilentSince(Instant cutoff);
}
